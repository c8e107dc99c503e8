package cn.unionportal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.MutableClock;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in hardening: one canonical login name (lockout cannot be bypassed with U+3000, full-width
 * or upper-case spellings), one message for every refusal, an atomic per-address allowance, the
 * locked-accounts page with an audited unlock, and the password rules.
 */
class LoginHardeningTest extends PostgresIntegrationTest {

	private static final String PASSWORD = "Right-pass-1";

	@Autowired
	AccountManagement accounts;

	@Autowired
	StaffAccountRepository repository;

	@Autowired
	LoginEventRepository log;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	PlatformTransactionManager transactions;

	private String newAccount(String organization) {
		String username = "k" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createInitialAccount(username, "测试", demo.org(organization), Set.of(StaffRole.STAFF), PASSWORD, false);
		return username;
	}

	private List<String> outcomes(String username) {
		return jdbc.queryForList("SELECT outcome FROM login_event WHERE username = ? ORDER BY id", String.class, username);
	}

	private String loginPageAfter(String username, String password) throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
			.andExpect(unauthenticated())
			.andReturn()
			.getRequest()
			.getSession();
		return mvc.perform(get("/login").param("error", "").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void eightWrongPasswordsWithAnIdeographicSpaceLockTheAccountAndAreLogged() throws Exception {
		String username = newAccount("环翠区总工会");
		for (int i = 0; i < 8; i++) {
			mvc.perform(formLogin().user(username + "\u3000").password("wrong-" + i)).andExpect(unauthenticated());
		}
		assertThat(jdbc.queryForObject("SELECT locked_until > CURRENT_TIMESTAMP FROM staff_account WHERE username = ?",
				Boolean.class, username)).isTrue();
		assertThat(outcomes(username)).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
				"BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED", "LOCKED", "LOCKED");
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void everySpellingOfANameCountsOnTheSameAccount() throws Exception {
		String username = newAccount("环翠区总工会");
		String fullWidthUpper = username.toUpperCase().chars()
			.map(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' ? c + 0xFEE0 : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		List<String> spellings = List.of(" " + username, username.toUpperCase(), fullWidthUpper,
				"\u00A0" + username + "\u200B", username + "\t");
		for (String spelling : spellings) {
			mvc.perform(formLogin().user(spelling).password("wrong")).andExpect(unauthenticated());
		}
		assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM staff_account WHERE username = ?",
				Boolean.class, username)).isTrue();
		assertThat(outcomes(username)).hasSize(5).containsOnly("BAD_CREDENTIALS");
		// and the right password signs in whatever the spelling, once the lock is lifted
		jdbc.update("UPDATE staff_account SET locked_until = NULL, failed_attempts = 0 WHERE username = ?", username);
		mvc.perform(formLogin().user(fullWidthUpper + "\u3000").password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void everyRefusalShowsTheSameMessage() throws Exception {
		String locked = newAccount("文登区总工会");
		jdbc.update("UPDATE staff_account SET locked_until = CURRENT_TIMESTAMP + INTERVAL '10 minutes' WHERE username = ?",
				locked);
		String disabled = newAccount("文登区总工会");
		jdbc.update("UPDATE staff_account SET enabled = FALSE WHERE username = ?", disabled);
		String wrong = newAccount("文登区总工会");

		List<String> pages = List.of(loginPageAfter(locked, PASSWORD), loginPageAfter(locked, "wrong-password"),
				loginPageAfter(disabled, PASSWORD), loginPageAfter(disabled, "wrong-password"),
				loginPageAfter(wrong, "wrong-password"), loginPageAfter("nobody-" + wrong, "wrong-password"));
		for (String page : pages) {
			assertThat(page).contains(LoginSecurityTest.ONE_MESSAGE).doesNotContain("锁定").doesNotContain("停用");
		}
		assertThat(outcomes(locked)).containsExactly("LOCKED", "LOCKED");
		assertThat(outcomes(disabled)).containsExactly("DISABLED", "BAD_CREDENTIALS");
		assertThat(outcomes("nobody-" + wrong)).containsExactly("BAD_CREDENTIALS");
	}

	@Test
	void eachAddressHasAnAllowanceOfFailuresTakenAtomically() throws Exception {
		MutableClock clock = new MutableClock(Instant.now());
		LoginAttempts strict = new LoginAttempts(repository, log, new AttemptLimits(jdbcClient, clock), transactions, clock, 5,
				Duration.ofMinutes(15), 5, Duration.ofMinutes(15));
		String address = "192.0.2." + (int) (Math.random() * 250);
		jdbc.update("DELETE FROM attempt_counter WHERE limit_name = 'login-address' AND limit_key = ?", address);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				attempts.add(() -> strict.admit(address).isPresent());
			}
			long admitted = 0;
			for (Future<Boolean> result : pool.invokeAll(attempts)) {
				admitted += result.get() ? 1 : 0;
			}
			assertThat(admitted).isEqualTo(5);
		}
		finally {
			pool.shutdown();
		}
		assertThat(strict.admit("198.51.100.7-" + UUID.randomUUID().toString().substring(0, 8))).isPresent();
		// after the window the address starts again
		clock.advance(Duration.ofMinutes(15));
		assertThat(strict.admit(address)).isPresent();
	}

	@Test
	void administratorsSeeLockedAccountsInScopeAndClearTheLockWithAnAuditLine() throws Exception {
		String username = newAccount("大水泊镇工会");
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(username).password("wrong")).andExpect(unauthenticated());
		}
		mvc.perform(get("/accounts/locked").with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">" + username + "<")));
		String huancuiAdmin = "h" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createInitialAccount(huancuiAdmin, "环翠管理员", demo.org("环翠区总工会"), Set.of(StaffRole.ORG_ADMIN),
				PASSWORD, false);
		mvc.perform(get("/accounts/locked").with(demo.as(huancuiAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(">" + username + "<"))));
		mvc.perform(get("/accounts/locked").with(demo.as("huancui"))).andExpect(status().isForbidden());

		long id = jdbc.queryForObject("SELECT id FROM staff_account WHERE username = ?", Long.class, username);
		long version = jdbc.queryForObject("SELECT version FROM staff_account WHERE id = ?", Long.class, id);
		mvc.perform(post("/accounts/{id}/unlock", id).param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as(huancuiAdmin))).andExpect(status().isNotFound());
		mvc.perform(post("/accounts/{id}/unlock", id).param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/accounts/locked").with(demo.as("wendeng")))
			.andExpect(content().string(not(containsString(">" + username + "<"))));
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_UNLOCKED' AND subject_type = 'STAFF_ACCOUNT' AND subject_id = ? AND actor = 'wendeng'",
				Long.class, id)).isEqualTo(1);
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void newPasswordsNeedTenCharactersAndMustNotBeCommon() throws Exception {
		String username = "p" + UUID.randomUUID().toString().substring(0, 8);
		for (String weak : List.of("Short-1", "woaini1314", "A123456789", "1234567890", "qwerty1234",
				"\uFF57\uFF4F\uFF41\uFF49\uFF4E\uFF49\uFF11\uFF13\uFF11\uFF14")) {
			mvc.perform(post("/accounts").param("username", username)
				.param("displayName", "弱密码")
				.param("organizationId", String.valueOf(demo.org("文登区总工会")))
				.param("roles", "STAFF")
				.param("initialPassword", weak)
				.with(csrf())
				.with(demo.as("wendeng"))).andExpect(status().isOk());
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_account WHERE username = ?", Long.class, username))
			.isZero();
		mvc.perform(post("/accounts").param("username", username)
			.param("displayName", "弱密码")
			.param("organizationId", String.valueOf(demo.org("文登区总工会")))
			.param("roles", "STAFF")
			.param("initialPassword", "woaini1314")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(content().string(containsString("该密码过于常见")));
		mvc.perform(post("/accounts").param("username", username.toUpperCase())
			.param("displayName", "好密码")
			.param("organizationId", String.valueOf(demo.org("文登区总工会")))
			.param("roles", "STAFF")
			.param("initialPassword", "Hai-bin-lu-2026")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_account WHERE username = ?", Long.class, username))
			.as("stored in its canonical form").isEqualTo(1);
	}
}
