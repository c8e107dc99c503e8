package cn.unionportal.account;

import cn.unionportal.support.Demo;
import java.nio.charset.StandardCharsets;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Account administration within scope: administrators manage the accounts of their subtree only;
 * staff manage none; an account outside the scope answers like a missing one.
 */
@Transactional
class AccountScopeTest extends PostgresIntegrationTest {

	private long account(String username) {
		return jdbc.queryForObject("SELECT id FROM staff_account WHERE username = ?", Long.class, username);
	}

	private long version(String username) {
		return jdbc.queryForObject("SELECT version FROM staff_account WHERE username = ?", Long.class, username);
	}

	private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void staffCannotReachAccountPages() throws Exception {
		for (String url : new String[] { "/accounts", "/accounts/new", "/accounts/logins",
				"/accounts/" + account("huancui") }) {
			mvc.perform(get(url).with(demo.as("huancui"))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/accounts").param("username", "sneaky").with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
	}

	@Test
	void wendengAdminSeesOnlyAccountsOfItsSubtree() throws Exception {
		String list = body(get("/accounts").with(demo.as("wendeng")), 200);
		assertThat(list).contains(">wendeng<").doesNotContain(">huancui<").doesNotContain(">admin<");
		String missing = body(get("/accounts/{id}", 987654321L).with(demo.as("wendeng")), 404);
		assertThat(body(get("/accounts/{id}", account("huancui")).with(demo.as("wendeng")), 404)).isEqualTo(missing);
		body(post("/accounts/{id}", account("huancui")).param("displayName", "x")
			.param("roles", "STAFF")
			.param("enabled", "false")
			.param("version", String.valueOf(version("huancui")))
			.with(csrf())
			.with(demo.as("wendeng")), 404);
		body(post("/accounts/{id}/password", account("admin")).param("password", "Hijacked-123")
			.param("version", String.valueOf(version("admin")))
			.with(csrf())
			.with(demo.as("wendeng")), 404);
		body(post("/accounts/{id}/unlock", account("huancui")).param("version", "0").with(csrf()).with(demo.as("wendeng")),
				404);
		assertThat(jdbc.queryForObject("SELECT enabled FROM staff_account WHERE username = 'huancui'", Boolean.class))
			.isTrue();
	}

	@Test
	void wendengAdminCreatesAccountsInsideItsSubtreeButNotOutside() throws Exception {
		long dashuibo = demo.org("大水泊镇工会");
		mvc.perform(Demo.newAccount("dashuibo1", dashuibo, "STAFF").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(
				"SELECT a.organization_id FROM staff_account a WHERE a.username = 'dashuibo1'", Long.class))
			.isEqualTo(dashuibo);
		assertThat(jdbc.queryForObject("SELECT must_change_password FROM staff_account WHERE username = 'dashuibo1'",
				Boolean.class)).isTrue();
		mvc.perform(Demo.newAccount("zhangcun1", demo.org("张村镇工会"), "STAFF").with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/accounts/new").param("organization", String.valueOf(demo.org("张村镇工会")))
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyFederationAdministratorsGrantTheFederationRoleAndOnlyAtTheRoot() throws Exception {
		String page = body(Demo.newAccount("fedwannabe", demo.org("文登区总工会"), "FEDERATION_ADMIN").with(demo.as("wendeng")),
				200);
		assertThat(page).contains("您不能授予所选角色");
		String atDistrict = body(Demo.newAccount("fedatdistrict", demo.org("文登区总工会"), "FEDERATION_ADMIN")
			.with(demo.as("admin")), 200);
		assertThat(atDistrict).contains("您不能授予所选角色");
		mvc.perform(Demo.newAccount("fed2", demo.org("威海市总工会"), "FEDERATION_ADMIN").with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void duplicateUsernamesAndWeakPasswordsComeBackToTheForm() throws Exception {
		assertThat(body(Demo.newAccount("huancui", demo.org("文登区总工会"), "STAFF").with(demo.as("admin")), 200))
			.contains("该用户名已被使用");
		assertThat(body(post("/accounts").param("username", "weakling")
			.param("displayName", "弱密码")
			.param("organizationId", String.valueOf(demo.org("文登区总工会")))
			.param("roles", "STAFF")
			.param("initialPassword", "123")
			.with(csrf())
			.with(demo.as("admin")), 200)).contains("密码长度应为 10–100 位");
		assertThat(body(post("/accounts").param("username", "a b")
			.param("displayName", "")
			.param("organizationId", String.valueOf(demo.org("文登区总工会")))
			.param("initialPassword", "Long-enough-1")
			.with(csrf())
			.with(demo.as("admin")), 200)).contains("用户名只能包含").contains("此项必填").contains("请至少选择一个角色");
	}

	@Test
	void administratorsCannotDisableThemselves() throws Exception {
		assertThat(body(post("/accounts/{id}", account("wendeng")).param("displayName", "文登区管理员")
			.param("roles", "ORG_ADMIN")
			.param("version", String.valueOf(version("wendeng")))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("不能停用自己的账号");
	}

	@Test
	void resettingAPasswordForcesAChangeAndDissolvingAnOrganizationDisablesItsAccounts() throws Exception {
		long dashuibo = demo.org("大水泊镇工会");
		mvc.perform(Demo.newAccount("dashuibo2", dashuibo, "STAFF").with(demo.as("wendeng")));
		mvc.perform(post("/accounts/{id}/password", account("dashuibo2")).param("password", "Temporary-99")
			.param("version", String.valueOf(version("dashuibo2")))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT must_change_password FROM staff_account WHERE username = 'dashuibo2'",
				Boolean.class)).isTrue();

		long branch = demo.org("艺术创作分会");
		mvc.perform(Demo.newAccount("branch1", branch, "STAFF").with(demo.as("wendeng")));
		mvc.perform(post("/organizations/{id}/dissolve", branch).param("version", String.valueOf(demo.version(branch)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT enabled FROM staff_account WHERE username = 'branch1'", Boolean.class))
			.isFalse();
		assertThat(body(Demo.newAccount("branch2", branch, "STAFF").with(demo.as("wendeng")), 200)).contains("该组织已撤销");
		assertThat(body(post("/accounts/{id}", account("branch1")).param("displayName", "复活")
			.param("roles", "STAFF")
			.param("enabled", "true")
			.param("version", String.valueOf(version("branch1")))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("该组织已撤销");
		assertThat(body(post("/organizations/{id}/move", branch).param("parentId", String.valueOf(demo.org("耕读小镇联合工会")))
			.param("version", String.valueOf(demo.version(branch)))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("该组织已撤销");
	}

}
