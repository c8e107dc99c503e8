package cn.unionportal.aid;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
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
 * Scope on every aid case page and POST: a case, member, file or organization of another district
 * answers 404 exactly like a missing one; lists show only cases in scope and filter by status,
 * kind, year, organization, member and file.
 */
@Transactional
class AidCaseScopeTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	AidCaseFixtures aid;

	long member;

	long file;

	long caseId;

	@BeforeEach
	void setUp() throws Exception {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
		String wendeng2 = aid.account("aid-wendeng2", aid.wendengDistrict(), StaffRole.ORG_ADMIN);
		member = aid.member(aid.wendengUnion(), "文登会员", "wendeng");
		file = aid.file(member, "FILED", "DEEP", null);
		caseId = aid.record(aid.recordRequest("HOLIDAY_VISIT", member, file, "wendeng"));
		aid.approve(caseId, wendeng2);
		aid.budget(aid.huancuiUnion(), 2090, "1000");
	}

	@Test
	void huancuiStaffGetNotFoundForEveryWendengCasePageAndPost() throws Exception {
		String user = "huancui";
		mvc.perform(get("/aid/cases/{id}", caseId).with(demo.as(user))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases/{id}", 99_999_999L).with(demo.as(user))).andExpect(status().isNotFound());
		mvc.perform(aid.decide(caseId, "approve", "同意", user)).andExpect(status().isNotFound());
		mvc.perform(aid.decide(caseId, "reject", "不同意", user)).andExpect(status().isNotFound());
		mvc.perform(aid.payment(caseId, "500", "token-scope-" + caseId, user)).andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases/new").param("member", String.valueOf(member)).with(demo.as(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases/new").param("member", String.valueOf(member))
			.param("file", String.valueOf(file))
			.param("kind", "LIVING_ALLOWANCE")
			.with(demo.as(user))).andExpect(status().isNotFound());
		mvc.perform(aid.recordRequest("LIVING_ALLOWANCE", member, null, user)).andExpect(status().isNotFound());
		mvc.perform(post("/aid/cases/preview").param("kind", "LIVING_ALLOWANCE")
			.param("memberId", String.valueOf(member))
			.with(csrf())
			.with(demo.as(user))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases").param("member", String.valueOf(member)).with(demo.as(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases").param("file", String.valueOf(file)).with(demo.as(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/aid/cases").param("organization", String.valueOf(aid.wendengUnion())).with(demo.as(user)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", Long.class, caseId)).isZero();
	}

	@Test
	void aHuancuiMemberCannotBeGivenAWendengFile() throws Exception {
		long huancuiMember = aid.member(aid.huancuiUnion(), "环翠会员", "huancui");
		mvc.perform(aid.recordRequest("LIVING_ALLOWANCE", huancuiMember, file, "huancui")).andExpect(status().isNotFound());
	}

	@Test
	void listsShowOnlyCasesInScopeAndFilter() throws Exception {
		String link = "/aid/cases/" + caseId + "\"";
		assertThat(aid.body(get("/aid/cases").with(demo.as("huancui")), 200)).doesNotContain(link);
		assertThat(aid.body(get("/aid/cases").with(demo.as("wendeng")), 200)).contains(link);
		assertThat(aid.body(get("/aid/cases").with(demo.as("admin")), 200)).contains(link);
		assertThat(aid.body(get("/aid/cases").param("member", String.valueOf(member)).with(demo.as("wendeng")), 200))
			.contains(link);
		assertThat(aid.body(get("/aid/cases").param("file", String.valueOf(file)).with(demo.as("wendeng")), 200))
			.contains(link);
		assertThat(aid.body(get("/aid/cases").param("organization", String.valueOf(aid.wendengUnion()))
			.param("status", "APPROVED")
			.param("kind", "HOLIDAY_VISIT")
			.param("year", String.valueOf(aid.currentYear()))
			.with(demo.as("wendeng")), 200)).contains(link);
		assertThat(aid.body(get("/aid/cases").param("status", "PAID").with(demo.as("wendeng")), 200)).doesNotContain(link);
		assertThat(aid.body(get("/aid/cases").param("kind", "MEDICAL_AID").with(demo.as("wendeng")), 200))
			.doesNotContain(link);
		assertThat(aid.body(get("/aid/cases").param("year", "2001").with(demo.as("wendeng")), 200)).doesNotContain(link);
		assertThat(aid.body(get("/aid/cases").param("organization", String.valueOf(demo.org("大水泊镇工会")))
			.with(demo.as("wendeng")), 200)).contains(link);
		assertThat(aid.body(get("/aid/cases").param("lang", "en").with(demo.as("wendeng")), 200)).contains("Holiday visit");
	}

	@Test
	void huancuiCannotSeeOrSetWendengBudgets() throws Exception {
		aid.budget(aid.wendengDistrict(), 2090, "5000");
		String page = aid.body(get("/aid/budgets").param("year", "2090").with(demo.as("huancui")), 200);
		assertThat(page).contains("威海恒科精工有限公司工会").doesNotContain("文登区总工会");
		mvc.perform(get("/aid/budgets").param("year", "2090")
			.param("organization", String.valueOf(aid.wendengDistrict()))
			.with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(post("/aid/budgets").param("organizationId", String.valueOf(aid.wendengDistrict()))
			.param("year", "2090")
			.param("amount", "9000")
			.param("version", "0")
			.with(csrf())
			.with(demo.as("huancui"))).andExpect(status().isNotFound());
	}
}
