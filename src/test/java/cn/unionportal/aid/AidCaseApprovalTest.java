package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.lookup.LookupCodes;

import java.util.Map;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deciding cases: four eyes (the recorder never decides, also in the database), a comment on every
 * decision, threshold routing between district and municipal federations, staff and township
 * administrators do not decide, the work queue, lookup codes for standalone cases, stale pages.
 */
@Transactional
@RecordApplicationEvents
class AidCaseApprovalTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEvents published;

	AidCaseFixtures aid;

	String wendeng2;

	String admin2;

	String township;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
		wendeng2 = aid.account("aid-wendeng2", aid.wendengDistrict(), StaffRole.ORG_ADMIN);
		admin2 = aid.account("aid-admin2", aid.root(), StaffRole.FEDERATION_ADMIN);
		township = aid.account("aid-dashuibo", demo.org("大水泊镇工会"), StaffRole.ORG_ADMIN);
	}

	private Map<String, Object> row(long caseId) {
		return jdbc.queryForMap("SELECT * FROM aid_case WHERE id = ?", caseId);
	}

	@Test
	void whoeverRecordedACaseCannotApproveItButASecondAdministratorCan() throws Exception {
		long member = aid.member(aid.wendengUnion(), "四眼", "wendeng");
		long id = aid.otherCase(member, "3000", "wendeng");
		assertThat(aid.body(get("/aid/cases/{id}", id).with(demo.as("wendeng")), 200)).contains("须由其他人审批");

		String refused = aid.body(aid.decide(id, "approve", "同意", "wendeng"), 200);
		assertThat(refused).contains("不能本人审批");
		assertThat(row(id).get("status")).isEqualTo("RECORDED");

		aid.approve(id, wendeng2);
		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("APPROVED");
		assertThat(row.get("decided_by")).isEqualTo(wendeng2);
		assertThat(row.get("decision_comment")).isEqualTo("同意");
		assertThat(row.get("decided_at")).isNotNull();
		assertThat(row.get("approved_amount").toString()).isEqualTo("3000.00");
		// what the coming statistics module will count
		assertThat(published.stream(AidEvents.AidCaseApproved.class)).containsExactly(new AidEvents.AidCaseApproved(id,
				member, new java.math.BigDecimal("3000.00"), AidKind.valueOf((String) row.get("kind")),
				((Number) row.get("organization_id")).longValue(), ((Number) row.get("aid_year")).intValue()));
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE subject_id = ? AND action = 'AID_CASE_APPROVED'",
				String.class, id)).isEqualTo(wendeng2);
		assertThat(aid.body(get("/aid/cases/{id}", id).with(demo.as("wendeng")), 200)).contains(wendeng2).contains("同意");
	}

	@Test
	void theDatabaseRefusesADecisionByTheRecorderToo() throws Exception {
		long member = aid.member(aid.wendengUnion(), "约束", "wendeng");
		long id = aid.otherCase(member, "3000", "wendeng");
		assertThatThrownBy(() -> jdbc.update(
				"UPDATE aid_case SET decided_by = recorded_by, status = 'APPROVED', approved_amount = 3000 WHERE id = ?", id))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void everyDecisionNeedsAComment() throws Exception {
		long member = aid.member(aid.wendengUnion(), "意见", "wendeng");
		long id = aid.otherCase(member, "3000", "wendeng");
		assertThat(aid.body(aid.decide(id, "reject", "  ", wendeng2), 200)).contains("请填写审批意见");
		assertThat(row(id).get("status")).isEqualTo("RECORDED");

		mvc.perform(aid.decide(id, "reject", "材料不全", wendeng2)).andExpect(status().is3xxRedirection());
		assertThat(row(id).get("status")).isEqualTo("REJECTED");
		assertThat(row(id).get("approved_amount")).isNull();
		assertThat(aid.body(aid.decide(id, "approve", "同意", admin2), 200)).contains("该事项已审批过");
	}

	@Test
	void aboveTheDistrictLimitOnlyTheMunicipalFederationDecides() throws Exception {
		long member = aid.member(aid.wendengUnion(), "市级", "wendeng");
		long municipal = aid.otherCase(member, "12000", "wendeng");
		long district = aid.otherCase(member, "10000", "wendeng");
		assertThat(row(municipal).get("approval_level")).isEqualTo("MUNICIPAL");

		mvc.perform(aid.decide(municipal, "approve", "同意", wendeng2)).andExpect(status().isForbidden());
		assertThat(aid.body(get("/aid/cases/{id}", municipal).with(demo.as(wendeng2)), 200)).contains("须由市总工会审批");
		aid.approve(municipal, "admin");
		assertThat(row(municipal).get("status")).isEqualTo("APPROVED");

		// the municipal federation may decide district cases too
		aid.approve(district, admin2);
		assertThat(row(district).get("decided_by")).isEqualTo(admin2);
	}

	@Test
	void staffAndTownshipAdministratorsDoNotDecide() throws Exception {
		long member = aid.member(aid.huancuiUnion(), "职员", "huancui");
		long id = aid.otherCase(member, "1000", "huancui");
		mvc.perform(aid.decide(id, "approve", "同意", "huancui")).andExpect(status().isForbidden());

		long wendengMember = aid.member(aid.wendengUnion(), "镇级", "wendeng");
		long wendengCase = aid.otherCase(wendengMember, "1000", "wendeng");
		mvc.perform(aid.decide(wendengCase, "approve", "同意", township)).andExpect(status().isForbidden());
		assertThat(row(wendengCase).get("status")).isEqualTo("RECORDED");
	}

	@Test
	void theQueueShowsWhatWaitsForTheUsersDecision() throws Exception {
		long member = aid.member(aid.wendengUnion(), "队列", "wendeng");
		long district = aid.otherCase(member, "2000", "wendeng");
		long municipal = aid.otherCase(member, "20000", "wendeng");
		long huancuiMember = aid.member(aid.huancuiUnion(), "环翠", "huancui");
		long huancuiCase = aid.otherCase(huancuiMember, "2000", "huancui");

		String mine = aid.body(get("/aid/cases/queue").with(demo.as("wendeng")), 200);
		assertThat(mine).doesNotContain("/aid/cases/" + district + "\"").doesNotContain("/aid/cases/" + municipal + "\"");
		String colleague = aid.body(get("/aid/cases/queue").with(demo.as(wendeng2)), 200);
		assertThat(colleague).contains("/aid/cases/" + district + "\"")
			.doesNotContain("/aid/cases/" + municipal + "\"")
			.doesNotContain("/aid/cases/" + huancuiCase + "\"");
		String federation = aid.body(get("/aid/cases/queue").with(demo.as(admin2)), 200);
		assertThat(federation).contains("/aid/cases/" + district + "\"")
			.contains("/aid/cases/" + municipal + "\"")
			.contains("/aid/cases/" + huancuiCase + "\"");
		assertThat(aid.body(get("/aid/cases/queue").with(demo.as("huancui")), 200)).contains("您的账号不审批救助事项");

		aid.approve(district, wendeng2);
		assertThat(aid.body(get("/aid/cases/queue").with(demo.as(wendeng2)), 200))
			.doesNotContain("/aid/cases/" + district + "\"");
	}

	@Test
	void aStandaloneCaseGetsALookupCodeWhenApprovedAFileCaseUsesTheFilesCode() throws Exception {
		long member = aid.member(aid.wendengUnion(), "查询码", "wendeng");
		long standalone = aid.otherCase(member, "800", "wendeng");
		assertThat(row(standalone).get("lookup_code")).isNull();
		aid.approve(standalone, wendeng2);
		String code = (String) row(standalone).get("lookup_code");
		assertThat(LookupCodes.normalize(code)).isEqualTo(code);
		assertThat(aid.body(get("/aid/cases/{id}", standalone).with(demo.as("wendeng")), 200))
			.contains(LookupCodes.display(code));

		long file = aid.file(member, "FILED", "DEEP", null);
		jdbc.update("UPDATE hardship_file SET lookup_code = 'ABCDE23456' WHERE id = ?", file);
		long attached = aid.record(aid.recordRequest("HOLIDAY_VISIT", member, file, "wendeng"));
		aid.approve(attached, wendeng2);
		assertThat(row(attached).get("lookup_code")).isNull();
		assertThat(aid.body(get("/aid/cases/{id}", attached).with(demo.as("wendeng")), 200)).contains("ABCDE-23456");
	}

	@Test
	void aDecisionOnAStalePageAnswersConflict() throws Exception {
		long member = aid.member(aid.wendengUnion(), "过期", "wendeng");
		long id = aid.otherCase(member, "3000", "wendeng");
		long stale = aid.version(id);
		aid.approve(id, wendeng2);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/aid/cases/{id}/reject", id)
			.param("comment", "不同意")
			.param("version", String.valueOf(stale))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(demo.as(admin2))).andExpect(status().isConflict());
		assertThat(row(id).get("status")).isEqualTo("APPROVED");
	}
}
