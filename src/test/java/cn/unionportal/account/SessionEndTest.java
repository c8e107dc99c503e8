package cn.unionportal.account;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.unionportal.organization.OrganizationChanges;
import cn.unionportal.organization.OrganizationLifecycle;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions do not outlive their rights: disabling a staff account, changing its roles,
 * resetting its password or dissolving its organization ends the sessions already open (the
 * next request goes to {@code /login?expired}); a change that takes nothing away does not.
 */
class SessionEndTest extends PostgresIntegrationTest {

	private static final String PASSWORD = "Right-pass-1";

	@Autowired
	AccountManagement accounts;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	OrganizationLifecycle changes;

	private CurrentUser administrator() {
		return CurrentUser.system(organizations.rootId());
	}

	private long newAccount(String username, long organizationId, StaffRole role) {
		return accounts.createInitialAccount(username, "会话测试", organizationId, Set.of(role), PASSWORD, false);
	}

	private MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
	}

	private long version(long id) {
		return jdbc.queryForObject("SELECT version FROM staff_account WHERE id = ?", Long.class, id);
	}

	private void assertEnded(MockHttpSession session) throws Exception {
		mvc.perform(get("/members/export.xlsx").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isInvalid()).isTrue();
		mvc.perform(get("/login").param("expired", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("您的登录已失效")));
	}

	@Test
	void disablingAnAccountEndsItsOpenSessions() throws Exception {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		long id = newAccount(username, demo.org("环翠区总工会"), StaffRole.STAFF);
		MockHttpSession first = signIn(username);
		MockHttpSession second = signIn(username);
		mvc.perform(get("/organizations").session(first)).andExpect(status().isOk());

		accounts.update(administrator(), id, version(id), "改名不影响会话", Set.of(StaffRole.STAFF), true);
		mvc.perform(get("/organizations").session(first)).andExpect(status().isOk());

		accounts.update(administrator(), id, version(id), "停用", Set.of(StaffRole.STAFF), false);
		assertEnded(first);
		assertEnded(second);
	}

	@Test
	void changingRolesEndsOpenSessions() throws Exception {
		String username = "r" + UUID.randomUUID().toString().substring(0, 8);
		long id = newAccount(username, demo.org("文登区总工会"), StaffRole.ORG_ADMIN);
		MockHttpSession session = signIn(username);
		mvc.perform(get("/accounts").session(session)).andExpect(status().isOk());
		accounts.update(administrator(), id, version(id), "降为工作人员", Set.of(StaffRole.STAFF), true);
		assertEnded(session);
	}

	@Test
	void resettingThePasswordEndsOpenSessions() throws Exception {
		String username = "p" + UUID.randomUUID().toString().substring(0, 8);
		long id = newAccount(username, demo.org("文登区总工会"), StaffRole.STAFF);
		MockHttpSession session = signIn(username);
		accounts.resetPassword(administrator(), id, version(id), "Temporary-pass-7");
		assertEnded(session);
	}

	@Test
	void dissolvingTheOrganizationEndsTheSessionsOfItsAccounts() throws Exception {
		long branch = changes.create(administrator(), demo.org("耕读小镇联合工会"), OrganizationType.BRANCH,
				new OrganizationChanges("会话测试分会" + UUID.randomUUID().toString().substring(0, 6), null, null, null));
		String username = "d" + UUID.randomUUID().toString().substring(0, 8);
		newAccount(username, branch, StaffRole.STAFF);
		MockHttpSession session = signIn(username);
		changes.dissolve(administrator(), branch, demo.version(branch), LocalDate.now());
		assertEnded(session);
	}

	@Test
	void ownPasswordChangeKeepsThisSessionAndEndsTheOthers() throws Exception {
		String username = "o" + UUID.randomUUID().toString().substring(0, 8);
		newAccount(username, demo.org("文登区总工会"), StaffRole.STAFF);
		MockHttpSession here = signIn(username);
		MockHttpSession elsewhere = signIn(username);
		mvc.perform(post("/account/password").session(here)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Another-pass-8")
			.param("confirmPassword", "Another-pass-8")
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/organizations").session(here)).andExpect(status().isOk());
		assertEnded(elsewhere);
	}
}
