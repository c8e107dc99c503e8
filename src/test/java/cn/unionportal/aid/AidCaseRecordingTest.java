package cn.unionportal.aid;

import java.time.LocalDate;
import java.util.Map;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Recording cases through the pages: the computed amount and the rule behind it, overrides with a
 * reason, the yearly medical cap, which household files qualify, and the approval level the amount
 * routes to.
 */
@Transactional
@RecordApplicationEvents
class AidCaseRecordingTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEvents events;

	AidCaseFixtures aid;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
	}

	private Map<String, Object> row(long caseId) {
		return jdbc.queryForMap("SELECT * FROM aid_case WHERE id = ?", caseId);
	}

	@Test
	void liuSuimeisMedicalAidIsComputedFromHerRelativeHardshipFile() throws Exception {
		long member = aid.member(aid.wendengUnion(), "刘绥梅", "wendeng");
		long file = aid.file(member, "FILED", "RELATIVE", null);

		String preview = aid.body(post("/aid/cases/preview").param("kind", "MEDICAL_AID")
			.param("memberId", String.valueOf(member))
			.param("fileId", String.valueOf(file))
			.param("billAmount", "140278")
			.param("insuranceAmount", "120000")
			.param("otherAidAmount", "9029")
			.with(csrf())
			.with(demo.as("wendeng")), 200);
		assertThat(preview).contains("7,874.00 元").contains("MEDICAL_RATE_RELATIVE: (140278 − 120000 − 9029) × 70% = 7874");

		long id = aid.record(aid.recordRequest("MEDICAL_AID", member, file, "wendeng")
			.param("billAmount", "140278")
			.param("insuranceAmount", "120000")
			.param("otherAidAmount", "9029"));
		Map<String, Object> row = row(id);
		assertThat(row.get("computed_amount").toString()).isEqualTo("7874.00");
		assertThat(row.get("requested_amount").toString()).isEqualTo("7874.00");
		assertThat(row.get("override_reason")).isNull();
		assertThat(row.get("approval_level")).isEqualTo("DISTRICT");
		assertThat(row.get("status")).isEqualTo("RECORDED");
		assertThat(row.get("organization_id")).isEqualTo(aid.wendengUnion());
		assertThat(row.get("aid_year")).isEqualTo(aid.currentYear());
		assertThat(row.get("file_id")).isEqualTo(file);
		assertThat(row.get("rule_text").toString()).endsWith("MEDICAL_RATE_RELATIVE: (140278 − 120000 − 9029) × 70% = 7874");
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_type = 'AID_CASE' AND subject_id = ? AND action = 'AID_CASE_RECORDED'",
				String.class, id)).contains("computed=7874.00").contains("level=DISTRICT");
		assertThat(events.stream(AidEvents.AidCaseRecorded.class)).containsExactly(new AidEvents.AidCaseRecorded(id, member));

		assertThat(aid.body(get("/aid/cases/{id}", id).with(demo.as("wendeng")), 200)).contains("7,874.00")
			.contains("待审批");
	}

	@Test
	void wangJianchuGetsALivingAllowanceAndAUniversityGrantOf14000YuanInAll() throws Exception {
		long member = aid.member(aid.wendengUnion(), "王建初", "wendeng");
		long file = aid.file(member, "FILED", "DEEP", null);
		long living = aid.record(aid.recordRequest("LIVING_ALLOWANCE", member, file, "wendeng"));
		long grant = aid.record(aid.recordRequest("EDUCATION_GRANT", member, file, "wendeng")
			.param("studentName", "王小明")
			.param("school", "山东大学（威海）")
			.param("grade", "大二")
			.param("schoolLevel", "UNIVERSITY"));
		assertThat(jdbc.queryForObject("SELECT SUM(requested_amount) FROM aid_case WHERE id IN (?, ?)",
				java.math.BigDecimal.class, living, grant)).isEqualByComparingTo("14000");
		assertThat(row(grant).get("student_name")).isEqualTo("王小明");
	}

	@Test
	void educationGrantsNeedStudentSchoolGradeAndLevel() throws Exception {
		long member = aid.member(aid.wendengUnion(), "助学", "wendeng");
		assertThat(aid.body(aid.recordRequest("EDUCATION_GRANT", member, null, "wendeng").param("studentName", "王小明"),
				200)).contains("此项必填");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_case WHERE member_id = ?", Long.class, member)).isZero();
	}

	@Test
	void aStandaloneLivingAllowanceUsesTheSuddenHardshipAmount() throws Exception {
		long member = aid.member(aid.huancuiUnion(), "临时", "huancui");
		String form = aid.body(get("/aid/cases/new").param("member", String.valueOf(member))
			.param("kind", "LIVING_ALLOWANCE")
			.with(demo.as("huancui")), 200);
		assertThat(form).contains("LIVING_SUDDEN = 5000").contains("未建档");
		long id = aid.record(aid.recordRequest("LIVING_ALLOWANCE", member, null, "huancui"));
		assertThat(row(id).get("computed_amount").toString()).isEqualTo("5000.00");
		assertThat(row(id).get("file_id")).isNull();
	}

	@Test
	void anAmountOtherThanTheComputedOneNeedsAReasonAndIsAudited() throws Exception {
		// 孙晓彬: legal aid obtained a 50,000 yuan settlement; the aid itself computes 0
		long member = aid.member(aid.wendengUnion(), "孙晓彬", "wendeng");
		String refused = aid.body(aid.recordRequest("LEGAL_AID", member, null, "wendeng")
			.param("caseSummary", "拖欠工资纠纷")
			.param("obtainedAmount", "50000")
			.param("requestedAmount", "2000"), 200);
		assertThat(refused).contains("请填写调整理由");

		long id = aid.record(aid.recordRequest("LEGAL_AID", member, null, "wendeng")
			.param("caseSummary", "拖欠工资纠纷")
			.param("caseOutcome", "调解结案")
			.param("obtainedAmount", "50000")
			.param("requestedAmount", "2000")
			.param("overrideReason", "诉讼期间生活困难"));
		Map<String, Object> row = row(id);
		assertThat(row.get("computed_amount").toString()).isEqualTo("0.00");
		assertThat(row.get("requested_amount").toString()).isEqualTo("2000.00");
		assertThat(row.get("obtained_amount").toString()).isEqualTo("50000.00");
		assertThat(row.get("override_reason")).isEqualTo("诉讼期间生活困难");
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_id = ? AND action = 'AID_CASE_OVERRIDE'",
				String.class, id)).isEqualTo("computed 0.00 → requested 2000.00 (reason recorded with the case)");

		long zero = aid.record(aid.recordRequest("LEGAL_AID", member, null, "wendeng").param("caseSummary", "工伤认定"));
		assertThat(row(zero).get("requested_amount").toString()).isEqualTo("0.00");
	}

	@Test
	void aSecondMedicalCaseInTheYearIsLimitedByWhatRemainsOfTheCap() throws Exception {
		long member = aid.member(aid.wendengUnion(), "封顶", "wendeng");
		long file = aid.file(member, "FILED", "DEEP", null);
		// 31,250 × 80% = 25,000 of the 30,000 cap
		aid.record(aid.recordRequest("MEDICAL_AID", member, file, "wendeng").param("billAmount", "31250"));
		// 10,000 × 80% = 8,000, but only 5,000 remain
		String form = aid.body(aid.recordRequest("MEDICAL_AID", member, file, "wendeng").param("billAmount", "10000")
			.param("requestedAmount", "6000")
			.param("overrideReason", "病情加重"), 200);
		assertThat(form).contains("本年度最多还可救助 5000 元");
		long second = aid.record(aid.recordRequest("MEDICAL_AID", member, file, "wendeng").param("billAmount", "10000"));
		assertThat(row(second).get("computed_amount").toString()).isEqualTo("5000.00");
		assertThat(row(second).get("rule_text").toString()).endsWith("MEDICAL_CAP 30000 − 25000 = 5000");
	}

	@Test
	void onlyAFiledFileOrAClosedOneStillInItsGracePeriodQualifies() throws Exception {
		long member = aid.member(aid.wendengUnion(), "档案", "wendeng");
		long underReview = aid.file(member, "APPLIED", "DEEP", null);
		aid.body(get("/aid/cases/new").param("member", String.valueOf(member))
			.param("file", String.valueOf(underReview))
			.with(demo.as("wendeng")), 422);
		jdbc.update("UPDATE hardship_file SET status = 'CLOSED', open_member_id = NULL, support_until = ? WHERE id = ?",
				java.sql.Date.valueOf(LocalDate.now().minusDays(2)), underReview);
		assertThat(aid.body(aid.recordRequest("LIVING_ALLOWANCE", member, underReview, "wendeng"), 422))
			.contains("帮扶期已过");

		long other = aid.member(aid.wendengUnion(), "另一人", "wendeng");
		long closedInGrace = aid.file(other, "CLOSED", "RELATIVE", LocalDate.now().plusMonths(6));
		assertThat(aid.body(aid.recordRequest("LIVING_ALLOWANCE", member, closedInGrace, "wendeng"), 422))
			.contains("不属于此会员");
		long id = aid.record(aid.recordRequest("LIVING_ALLOWANCE", other, closedInGrace, "wendeng"));
		assertThat(row(id).get("computed_amount").toString()).isEqualTo("3000.00");
	}

	@Test
	void amountsUpToTheDistrictLimitAreDecidedByTheDistrictAboveItByTheMunicipalFederation() throws Exception {
		long member = aid.member(aid.wendengUnion(), "限额", "wendeng");
		assertThat(row(aid.otherCase(member, "10000", "wendeng")).get("approval_level")).isEqualTo("DISTRICT");
		assertThat(row(aid.otherCase(member, "10000.01", "wendeng")).get("approval_level")).isEqualTo("MUNICIPAL");
	}

	@Test
	void aLapsedMemberGetsNoNewCase() throws Exception {
		long member = aid.member(aid.wendengUnion(), "离会", "wendeng");
		long version = jdbc.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, member);
		mvc.perform(post("/members/{id}/status", member).param("status", "LAPSED")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as("wendeng")));
		aid.body(get("/aid/cases/new").param("member", String.valueOf(member)).with(demo.as("wendeng")), 422);
	}
}
