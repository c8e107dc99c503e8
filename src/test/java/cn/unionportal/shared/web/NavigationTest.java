package cn.unionportal.shared.web;

import cn.unionportal.support.Demo;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The navigation bar of the layout shows each role its own links. The layout reads the user's roles
 * once per page instead of one Spring Security expression per link (issue 13); this pins down what
 * each kind of user sees.
 */
class NavigationTest extends PostgresIntegrationTest {

	@Test
	void anonymousVisitorsSeeNoPortalLinksAndNoSignOut() throws Exception {
		String page = page(get("/status"));
		assertThat(page).doesNotContain("href=\"/members\"", "href=\"/me\"", "href=\"/competitions/judging\"",
				"action=\"/logout\"", "href=\"/account/password\"");
	}

	@Test
	void theFederationAdministratorSeesStaffAndAdministrationLinks() throws Exception {
		String page = page(get("/members").with(demo.as("admin")));
		assertThat(page).contains("href=\"/members\"", "href=\"/accounts\"", "href=\"/accounts/logins\"",
				"href=\"/audit\"", "href=\"/account/password\"", "action=\"/logout\"");
		assertThat(page).doesNotContain("href=\"/me\"", "href=\"/competitions/judging\"");
	}

	@Test
	void aJudgeSeesJudgingAndThePasswordButNoStaffLinks() throws Exception {
		String page = page(get("/competitions/judging").with(demo.as("caipan")));
		assertThat(page).contains("href=\"/competitions/judging\"", "href=\"/account/password\"", "action=\"/logout\"");
		assertThat(page).doesNotContain("href=\"/members\"", "href=\"/accounts\"", "href=\"/me\"");
	}

	@Test
	void aMemberSeesTheSelfServiceLinksOnly() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin().user("13906310001").password(Demo.PASSWORD))
			.andExpect(authenticated().withRoles("MEMBER"))
			.andReturn()
			.getRequest()
			.getSession();
		String page = page(get("/me").session(session));
		assertThat(page).contains("href=\"/me/aid\"", "href=\"/me/honours\"", "action=\"/logout\"");
		assertThat(page).doesNotContain("href=\"/members\"", "href=\"/account/password\"", "href=\"/competitions/judging\"");
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
