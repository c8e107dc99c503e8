package cn.unionportal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administration is audited (issue 8, item 5): account creation, role grants, enabling and
 * disabling, password resets and unlocks; organization create, edit, move and dissolve; benefit
 * programme create and close. Each shows on {@code /audit} for an administrator whose subtree
 * holds the record, and not for one whose subtree does not.
 */
@Transactional
class AdministrationAuditTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	/** An organization administrator of 环翠区: out of scope for everything in 文登区. */
	String huancuiAdmin;

	@BeforeEach
	void setUp() {
		huancuiAdmin = "audit-hc-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createInitialAccount(huancuiAdmin, "环翠管理员", demo.org("环翠区总工会"), Set.of(StaffRole.ORG_ADMIN),
				"Initial-pass-1", false);
	}

	private String body(MockHttpServletRequestBuilder request, int expected) throws Exception {
		return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String audit(String user, String type) throws Exception {
		return body(get("/audit").param("type", type).with(demo.as(user)), 200);
	}

	private long id(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private long accountVersion(String username) {
		return id("SELECT version FROM staff_account WHERE username = ?", username);
	}

	@Test
	void accountAdministrationIsAuditedWithinScope() throws Exception {
		long dashuibo = demo.org("大水泊镇工会");
		String username = "audit-acct-" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/accounts").param("username", username)
			.param("displayName", "审计账号")
			.param("organizationId", String.valueOf(dashuibo))
			.param("roles", "STAFF")
			.param("initialPassword", "Initial-pass-1")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		long account = id("SELECT id FROM staff_account WHERE username = ?", username);
		// a role grant and a disabling in one save, then enabling again
		mvc.perform(post("/accounts/{id}", account).param("displayName", "审计账号")
			.param("roles", "STAFF", "ORG_ADMIN")
			.param("version", String.valueOf(accountVersion(username)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/accounts/{id}", account).param("displayName", "审计账号")
			.param("roles", "STAFF", "ORG_ADMIN")
			.param("enabled", "true")
			.param("version", String.valueOf(accountVersion(username)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/accounts/{id}/password", account).param("password", "Temporary-99")
			.param("version", String.valueOf(accountVersion(username)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/accounts/{id}/unlock", account).param("version", String.valueOf(accountVersion(username)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'STAFF_ACCOUNT' AND subject_id = ?"
				+ " AND organization_id = ? ORDER BY id", String.class, account, dashuibo))
			.containsExactly("ACCOUNT_CREATED", "ACCOUNT_ROLES_CHANGED", "ACCOUNT_DISABLED", "ACCOUNT_ENABLED",
					"ACCOUNT_PASSWORD_RESET", "ACCOUNT_UNLOCKED");
		String seen = audit("wendeng", "STAFF_ACCOUNT");
		assertThat(seen).contains("创建账号", "变更角色", "停用账号", "启用账号", "重置密码", "解除锁定")
			.contains("[STAFF] → [ORG_ADMIN, STAFF]")
			.contains("/accounts/" + account + "\"");
		assertThat(audit("admin", "STAFF_ACCOUNT")).contains("username=" + username);
		assertThat(audit(huancuiAdmin, "STAFF_ACCOUNT")).doesNotContain(username);
		assertThat(body(get("/audit").with(demo.as(huancuiAdmin)), 200)).doesNotContain(username);
	}

	@Test
	void organizationChangesAreAuditedWithinScope() throws Exception {
		long dashuibo = demo.org("大水泊镇工会");
		long other = demo.org("文登区总工会");
		String name = "审计测试工会" + UUID.randomUUID().toString().substring(0, 4);
		mvc.perform(post("/organizations").param("parentId", String.valueOf(dashuibo))
			.param("type", "GRASSROOTS_UNION")
			.param("name", name)
			.param("foundedOn", "2020-01-01")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		long organization = demo.org(name);
		mvc.perform(post("/organizations/{id}", organization).param("name", name + "改")
			.param("type", "GRASSROOTS_UNION")
			.param("chair", "新主席")
			.param("version", String.valueOf(demo.version(organization)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/organizations/{id}/move", organization).param("parentId", String.valueOf(other))
			.param("version", String.valueOf(demo.version(organization)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/organizations/{id}/dissolve", organization)
			.param("version", String.valueOf(demo.version(organization)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'ORGANIZATION' AND subject_id = ?"
				+ " ORDER BY id", String.class, organization))
			.containsExactly("ORGANIZATION_CREATED", "ORGANIZATION_UPDATED", "ORGANIZATION_MOVED", "ORGANIZATION_MOVED",
					"ORGANIZATION_DISSOLVED");
		// the move is also recorded at the township it left
		assertThat(id("SELECT COUNT(*) FROM audit_event WHERE action = 'ORGANIZATION_MOVED' AND subject_id = ?"
				+ " AND organization_id = ?", organization, dashuibo)).isEqualTo(1);
		String seen = audit("wendeng", "ORGANIZATION");
		assertThat(seen).contains("新建组织", "编辑组织", "调整隶属关系", "撤销组织", name + "改")
			.contains("/organizations/" + organization + "\"");
		assertThat(audit(huancuiAdmin, "ORGANIZATION")).doesNotContain(name);
	}

	@Test
	void benefitProgrammesAreAuditedAtTheMunicipalFederation() throws Exception {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 9;
		String name = year + " 年度审计测试保障";
		mvc.perform(post("/benefits/programmes").param("kind", "MUTUAL_AID_INSURANCE")
			.param("name", name)
			.param("year", String.valueOf(year))
			.param("periodStart", year + "-01-01")
			.param("periodEnd", year + "-12-31")
			.param("premium", "30")
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		long programme = id("SELECT id FROM benefit_programme WHERE programme_year = ?", year);
		mvc.perform(post("/benefits/programmes/{id}/status", programme).param("status", "CLOSED")
			.param("version", String.valueOf(id("SELECT version FROM benefit_programme WHERE id = ?", programme)))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = 'BENEFIT_PROGRAMME' AND subject_id = ?"
				+ " ORDER BY id", String.class, programme))
			.containsExactly("BENEFIT_PROGRAMME_CREATED", "BENEFIT_PROGRAMME_CLOSED");
		assertThat(audit("admin", "BENEFIT_PROGRAMME")).contains("新建权益项目", "关闭权益项目", name);
		// run by the municipal federation: outside a district administrator's subtree
		assertThat(audit("wendeng", "BENEFIT_PROGRAMME")).doesNotContain(name);
	}

	@Test
	void theFilterOffersEveryKindAndIgnoresUnknownOnes() throws Exception {
		String page = body(get("/audit").param("type", "NO_SUCH_KIND").param("lang", "en").with(demo.as("admin")), 200);
		assertThat(page).contains("Staff account", "Organization", "Benefit programme", "Aid budget");
	}
}
