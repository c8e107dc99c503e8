package cn.unionportal.aid;

import cn.unionportal.support.Demo;
import java.math.BigDecimal;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * Four eyes cannot be defeated by one administrator (issue 8, item 4): administrator rights come
 * from above, a budget is set by the level above the organization that spends it, and a case is
 * never decided by an account linked to the recorder's (created, elevated or password reset, in
 * either direction), on the page, in the service and in the work queue's query.
 */
@Transactional
class FourEyesTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@PersistenceContext
	EntityManager entities;

	AidCaseFixtures aid;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
	}


	private MockHttpServletRequestBuilder setBudget(long organization, int year, String amount) {
		return post("/aid/budgets").param("organizationId", String.valueOf(organization))
			.param("year", String.valueOf(year))
			.param("amount", amount)
			.with(csrf());
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private long accountId(String username) {
		return count("SELECT id FROM staff_account WHERE username = ?", username);
	}

	/** Created accounts must change their password first; the tests act as their holders afterwards. */
	private void signedInOnce(String username) {
		entities.flush();
		jdbc.update("UPDATE staff_account SET must_change_password = FALSE WHERE username = ?", username);
		entities.clear();
	}

	private String caseStatus(long id) {
		return jdbc.queryForObject("SELECT status FROM aid_case WHERE id = ?", String.class, id);
	}

	@Test
	void wendengsAttackIsRefusedAtEveryStep() throws Exception {
		long district = aid.wendengDistrict();
		int year = aid.currentYear();
		// the demo data (issue 12) gives every district a budget: this step starts without one
		jdbc.update("DELETE FROM aid_budget WHERE organization_id = ? AND aid_year = ?", district, year);

		// 1. its own organization's budget
		assertThat(aid.body(setBudget(district, year, "1000000").with(demo.as("wendeng")), 200))
			.contains("帮扶预算由上一级设定");
		assertThat(count("SELECT COUNT(*) FROM aid_budget WHERE organization_id = ? AND aid_year = ?", district, year))
			.isZero();
		assertThat(aid.body(get("/aid/budgets").param("year", String.valueOf(year)).with(demo.as("wendeng")), 200))
			.doesNotContain("<option value=\"" + district + "\"");

		// 2. a second administrator at its own organization, directly or by elevating a staff account
		assertThat(aid.body(Demo.newAccount("wendeng-b", district, "ORG_ADMIN").with(demo.as("wendeng")), 200))
			.contains("您不能授予所选角色");
		assertThat(count("SELECT COUNT(*) FROM staff_account WHERE username = 'wendeng-b'")).isZero();
		mvc.perform(Demo.newAccount("wendeng-c", district, "STAFF").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		assertThat(aid.body(post("/accounts/{id}", accountId("wendeng-c")).param("displayName", "测试账号")
			.param("roles", "STAFF", "ORG_ADMIN")
			.param("enabled", "true")
			.param("version", String.valueOf(count("SELECT version FROM staff_account WHERE username = 'wendeng-c'")))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("您不能授予所选角色");
		assertThat(count("SELECT COUNT(*) FROM staff_account_role r JOIN staff_account a ON a.id = r.account_id "
				+ "WHERE a.username = 'wendeng-c' AND r.role = 'ORG_ADMIN'")).isZero();

		// 3. the staff account it created records, wendeng approves: linked, refused
		signedInOnce("wendeng-c");
		long member = aid.member(aid.wendengUnion(), "文登甲", "wendeng");
		long id = aid.otherCase(member, "9000", "wendeng-c");
		assertThat(aid.body(get("/aid/cases/queue").with(demo.as("wendeng")), 200))
			.doesNotContain("/aid/cases/" + id + "\"");
		assertThat(aid.body(get("/aid/cases/{id}", id).with(demo.as("wendeng")), 200))
			.contains("须由其他管理员审批");
		assertThat(aid.body(aid.decide(id, "approve", "同意", "wendeng"), 200)).contains("不能审批此事项");
		assertThat(caseStatus(id)).isEqualTo("RECORDED");

		// 4. nothing to pay from
		aid.approve(id, "admin");
		assertThat(aid.body(aid.payment(id, "9000", "four-eyes-pay", "wendeng"), 200))
			.contains("没有 " + year + " 年帮扶预算");
		assertThat(count("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", id)).isZero();
	}

	@Test
	void administratorRightsComeFromAbove() throws Exception {
		long dashuibo = demo.org("大水泊镇工会");
		mvc.perform(Demo.newAccount("dsb-admin-new", dashuibo, "ORG_ADMIN").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		assertThat(count("SELECT created_by FROM staff_account WHERE username = 'dsb-admin-new'"))
			.isEqualTo(accountId("wendeng"));
		assertThat(count("SELECT elevated_by FROM staff_account WHERE username = 'dsb-admin-new'"))
			.isEqualTo(accountId("wendeng"));
		mvc.perform(Demo.newAccount("wendeng-admin-2", aid.wendengDistrict(), "ORG_ADMIN").with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());

		// a fellow administrator of one's own organization is managed from above only
		long peer = accountId("wendeng-admin-2");
		long version = count("SELECT version FROM staff_account WHERE id = ?", peer);
		mvc.perform(post("/accounts/{id}/password", peer).param("password", "Temporary-99")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isForbidden());
		mvc.perform(post("/accounts/{id}", peer).param("displayName", "停用")
			.param("roles", "ORG_ADMIN")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT enabled FROM staff_account WHERE id = ?", Boolean.class, peer)).isTrue();
		// its own account keeps its role when it edits its name
		mvc.perform(post("/accounts/{id}", accountId("wendeng")).param("displayName", "文登区管理员")
			.param("roles", "ORG_ADMIN")
			.param("enabled", "true")
			.param("version", String.valueOf(count("SELECT version FROM staff_account WHERE username = 'wendeng'")))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
	}

	@Test
	void budgetsAreSetByTheLevelAboveAndTheRootByAFederationAdministrator() throws Exception {
		int year = 2087;
		long district = aid.wendengDistrict();
		long root = aid.root();
		mvc.perform(setBudget(district, year, "500000").with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(setBudget(root, year, "900000").with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(setBudget(aid.wendengUnion(), year, "20000").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		String township = aid.account("fe-dsb-admin", demo.org("大水泊镇工会"), StaffRole.ORG_ADMIN);
		assertThat(aid.body(setBudget(demo.org("大水泊镇工会"), year, "1000").with(demo.as(township)), 200))
			.contains("帮扶预算由上一级设定");
		assertThat(jdbc.queryForObject("SELECT amount FROM aid_budget WHERE organization_id = ? AND aid_year = ?",
				BigDecimal.class, district, year)).isEqualByComparingTo("500000");
		assertThat(count("SELECT COUNT(*) FROM aid_budget WHERE aid_year = ?", year)).isEqualTo(3);
	}

	@Test
	void anAccountCreatedOrElevatedByTheRecorderDoesNotApprove() throws Exception {
		long district = aid.wendengDistrict();
		// created by the recorder (admin), with administrator rights
		mvc.perform(Demo.newAccount("fe-created", district, "ORG_ADMIN").with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		signedInOnce("fe-created");
		// elevated by the recorder: created without a creator, then granted ORG_ADMIN by admin
		aid.account("fe-elevated", district, StaffRole.STAFF);
		mvc.perform(post("/accounts/{id}", accountId("fe-elevated")).param("displayName", "fe-elevated")
			.param("roles", "ORG_ADMIN")
			.param("enabled", "true")
			.param("version", String.valueOf(count("SELECT version FROM staff_account WHERE username = 'fe-elevated'")))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(count("SELECT elevated_by FROM staff_account WHERE username = 'fe-elevated'"))
			.isEqualTo(accountId("admin"));

		long member = aid.member(aid.wendengUnion(), "四眼乙", "admin");
		long id = aid.otherCase(member, "9000", "admin");
		for (String linked : new String[] { "fe-created", "fe-elevated" }) {
			assertThat(aid.body(aid.decide(id, "approve", "同意", linked), 200)).contains("admin").contains("不能审批此事项");
			assertThat(aid.body(get("/aid/cases/queue").with(demo.as(linked)), 200))
				.doesNotContain("/aid/cases/" + id + "\"");
		}
		assertThat(caseStatus(id)).isEqualTo("RECORDED");
		// an unlinked administrator sees it waiting and approves
		assertThat(aid.body(get("/aid/cases/queue").with(demo.as("wendeng")), 200)).contains("/aid/cases/" + id + "\"");
		aid.approve(id, "wendeng");
		assertThat(caseStatus(id)).isEqualTo("APPROVED");
	}

	@Test
	void whoeverResetTheRecordersPasswordDoesNotApprove() throws Exception {
		long district = aid.wendengDistrict();
		String clerk = aid.account("fe-clerk", district, StaffRole.STAFF);
		mvc.perform(post("/accounts/{id}/password", accountId(clerk)).param("password", "Temporary-99")
			.param("version", String.valueOf(count("SELECT version FROM staff_account WHERE username = ?", clerk)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		signedInOnce(clerk);
		long member = aid.member(aid.wendengUnion(), "四眼丙", "wendeng");
		long id = aid.otherCase(member, "2000", clerk);
		assertThat(aid.body(aid.decide(id, "approve", "同意", "wendeng"), 200)).contains("不能审批此事项");
		assertThat(caseStatus(id)).isEqualTo("RECORDED");
	}
}
