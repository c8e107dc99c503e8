package cn.unionportal.aid;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.aid.funding.AidBudgetManagement;
import cn.unionportal.aid.funding.AidBudgetView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The budget page: administrators set budgets of organizations in their scope (never below what
 * has been spent, audited); staff see them but do not set them.
 */
@Transactional
class AidBudgetTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	AidBudgetManagement budgets;

	@Autowired
	OrganizationManagement organizations;

	AidCaseFixtures aid;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder set(long organization, String amount,
			Long version, String user) {
		var request = post("/aid/budgets").param("organizationId", String.valueOf(organization))
			.param("year", "2088")
			.param("amount", amount)
			.with(csrf())
			.with(demo.as(user));
		return version == null ? request : request.param("version", String.valueOf(version));
	}

	private long version(long organization) {
		return jdbc.queryForObject("SELECT version FROM aid_budget WHERE organization_id = ? AND aid_year = 2088",
				Long.class, organization);
	}

	@Test
	void anAdministratorSetsAndRaisesABudgetButNeverBelowWhatWasSpent() throws Exception {
		long union = aid.wendengUnion();
		mvc.perform(set(union, "20000", null, "wendeng")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT amount FROM aid_budget WHERE organization_id = ? AND aid_year = 2088",
				java.math.BigDecimal.class, union)).isEqualByComparingTo("20000");
		assertThat(aid.body(set(union, "30000", null, "wendeng"), 200)).contains("该单位本年度已有预算");

		// a budget of which 15,000 has been spent (set up directly, as payments would)
		long district = aid.wendengDistrict();
		aid.budget(district, 2088, "20000");
		jdbc.update("UPDATE aid_budget SET spent = 15000 WHERE organization_id = ? AND aid_year = 2088", district);
		// the district's own budget is set from above (issue 8): by the municipal federation
		assertThat(aid.body(set(district, "10000", version(district), "admin"), 200)).contains("预算不能低于已支出的 15000 元");
		mvc.perform(set(district, "25000", version(district), "admin")).andExpect(status().is3xxRedirection());
		mvc.perform(set(district, "26000", version(district) - 1, "admin")).andExpect(status().isConflict());

		String page = aid.body(get("/aid/budgets").param("year", "2088").with(demo.as("wendeng")), 200);
		assertThat(page).contains("大明国际控股有限公司威海分公司工会").contains("文登区总工会").contains("25,000.00")
			.contains("15,000.00").contains("10,000.00");
		assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE subject_type = 'AID_BUDGET' AND subject_id = ?",
				String.class, union)).containsExactly("year 2088: amount — → 20000; spent 0");
		assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE subject_type = 'AID_BUDGET' AND subject_id = ?",
				String.class, district)).containsExactly("year 2088: amount 20000 → 25000; spent 15000");
	}

	@Test
	void staffSeeBudgetsButDoNotSetThem() throws Exception {
		long union = aid.huancuiUnion();
		aid.budget(union, 2088, "8000");
		assertThat(aid.body(get("/aid/budgets").param("year", "2088").with(demo.as("huancui")), 200))
			.contains("8,000.00").doesNotContain("name=\"amount\"");
		mvc.perform(set(union, "9000", 0L, "huancui")).andExpect(status().isForbidden());
	}

	/**
	 * Issue 13: the budgets of a scope are read with a plan made for that scope (a cached generic
	 * plan walked all 4,990 closure rows of the federation to probe the budgets), and still only
	 * those of the scope.
	 */
	@Test
	void theBudgetsOfAScopeArePlannedForItAndStayInIt() {
		long union = aid.wendengUnion();
		aid.budget(union, 2088, "8000");
		assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
		assertThat(budgets.budgets(CurrentUser.system(organizations.rootId()), 2088))
			.extracting(AidBudgetView::organizationId).contains(union);
		assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		assertThat(budgets.budgets(CurrentUser.system(aid.wendengDistrict()), 2088))
			.extracting(AidBudgetView::organizationId).contains(union);
		assertThat(budgets.budgets(CurrentUser.system(demo.org("环翠区总工会")), 2088))
			.extracting(AidBudgetView::organizationId).doesNotContain(union);
	}
}
