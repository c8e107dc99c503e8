package cn.unionportal.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Sign-in: lockout after five failures, the login log, CSRF on the login form, session fixation
 * protection and the forced password change. These tests commit (logins run in their own
 * transactions), so each works on an account of its own.
 */
class LoginSecurityTest extends PostgresIntegrationTest {

	static final String ONE_MESSAGE = "登录失败：用户名或密码错误，或账号暂时无法登录。";

	@Autowired
	AccountManagement accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	private String newAccount(boolean mustChangePassword) {
		String username = "t" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createInitialAccount(username, "测试", demo.org("文登区总工会"), Set.of(StaffRole.STAFF), "Right-pass-1",
				mustChangePassword);
		return username;
	}

	@Test
	void fiveFailuresLockTheAccountAndEvenTheRightPasswordIsRefusedMeanwhile() throws Exception {
		String username = newAccount(false);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(username).password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());
		}
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password("Right-pass-1"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated())
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(content().string(containsString(ONE_MESSAGE)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("锁定"))));
		assertThat(outcomes(username)).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
				"BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED");

		// fifteen minutes later the lock has expired
		jdbc.update("UPDATE staff_account SET locked_until = ? WHERE username = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), username);
		mvc.perform(formLogin().user(username).password("Right-pass-1")).andExpect(authenticated());
		assertThat(jdbc.queryForObject("SELECT failed_attempts FROM staff_account WHERE username = ?", Integer.class,
				username)).isZero();
	}

	@Test
	void fourFailuresDoNotLock() throws Exception {
		String username = newAccount(false);
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(username).password("wrong")).andExpect(unauthenticated());
		}
		mvc.perform(formLogin().user(username).password("Right-pass-1")).andExpect(authenticated());
	}

	@Test
	void aWrongPasswordShowsAClearMessage() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("admin").password("nope"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(content().string(containsString("用户名或密码错误")));
		jdbc.update("UPDATE staff_account SET failed_attempts = 0 WHERE username = 'admin'");
	}

	@Test
	void theLoginFormNeedsItsCsrfToken() throws Exception {
		String username = newAccount(false);
		mvc.perform(post("/login").param("username", username).param("password", "Right-pass-1"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		mvc.perform(post("/login").param("username", username).param("password", "Right-pass-1").with(csrf()))
			.andExpect(authenticated());
	}

	@Test
	void signingInChangesTheSessionId() throws Exception {
		String username = newAccount(false);
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MockHttpSession after = (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", "Right-pass-1").session(session)
				.with(csrf()))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
		assertThat(after.getId()).isNotEqualTo(before);
	}

	@Test
	void successfulAndFailedLoginsAreLoggedWithTheAddress() throws Exception {
		String username = newAccount(false);
		mvc.perform(formLogin().user(username).password("bad")).andExpect(unauthenticated());
		mvc.perform(formLogin().user(username).password("Right-pass-1")).andExpect(authenticated());
		assertThat(outcomes(username)).containsExactly("BAD_CREDENTIALS", "SUCCESS");
		assertThat(jdbc.queryForList("SELECT remote_address FROM login_event WHERE username = ?", String.class, username))
			.containsOnly("127.0.0.1");

		String row = "<td>" + username + "</td>";
		mvc.perform(get("/accounts/logins").param("username", username).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(row)));
		mvc.perform(get("/accounts/logins").param("username", username).with(demo.as("admin")))
			.andExpect(content().string(containsString(row)));
		// huancui is staff: no log; an administrator elsewhere does not see wendeng's people
		mvc.perform(get("/accounts/logins").with(demo.as("huancui"))).andExpect(status().isForbidden());
		String huancuiAdmin = "h" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createInitialAccount(huancuiAdmin, "环翠管理员", demo.org("环翠区总工会"), Set.of(StaffRole.ORG_ADMIN),
				"Right-pass-1", false);
		mvc.perform(get("/accounts/logins").param("username", username).with(demo.as(huancuiAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(row))));
	}

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
		String username = newAccount(true);
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password("Right-pass-1"))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/organizations").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").session(session)
			.param("currentPassword", "Right-pass-1")
			.param("newPassword", "short")
			.param("confirmPassword", "short")
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("密码长度应为")));
		mvc.perform(post("/account/password").session(session)
			.param("currentPassword", "Right-pass-1")
			.param("newPassword", "New-password-2")
			.param("confirmPassword", "New-password-2")
			.with(csrf())).andExpect(redirectedUrl("/"));
		mvc.perform(get("/organizations").session(session)).andExpect(status().isOk());
		String hash = jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE username = ?", String.class,
				username);
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(passwordEncoder.matches("New-password-2", hash)).isTrue();
	}

	@Test
	void theFirstStartOnAnEmptyDatabaseCreatesAnAdministratorWhoMustChangeThePassword() {
		// on a database with accounts, nothing happens
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM staff_account", Long.class);
		new AdminBootstrap(accounts, organizationManagement, "Chosen-pass-9").runAtStartup();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_account", Long.class)).isEqualTo(before);

		// on an empty one (simulated inside a transaction that is rolled back) admin appears
		transactions.executeWithoutResult(status -> {
			jdbc.update("DELETE FROM staff_account");
			new AdminBootstrap(accounts, organizationManagement, "Chosen-pass-9").runAtStartup();
			var admin = jdbc.queryForMap("""
					SELECT a.password_hash, a.must_change_password, a.organization_id, r.role
					FROM staff_account a JOIN staff_account_role r ON r.account_id = a.id WHERE a.username = 'admin'
					""");
			assertThat(admin.get("must_change_password")).isEqualTo(true);
			assertThat(admin.get("role")).isEqualTo("FEDERATION_ADMIN");
			assertThat(((Number) admin.get("organization_id")).longValue()).isEqualTo(demo.org("威海市总工会"));
			assertThat(passwordEncoder.matches("Chosen-pass-9", (String) admin.get("password_hash"))).isTrue();
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_account", Long.class)).isEqualTo(before);
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	cn.unionportal.organization.OrganizationManagement organizationManagement;

	private java.util.List<String> outcomes(String username) {
		return jdbc.queryForList("SELECT outcome FROM login_event WHERE username = ? ORDER BY id", String.class, username);
	}
}
