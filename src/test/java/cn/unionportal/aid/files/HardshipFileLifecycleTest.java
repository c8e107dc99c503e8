package cn.unionportal.aid.files;

import cn.unionportal.support.IdNumbers;
import cn.unionportal.aid.AidEvents;

import cn.unionportal.aid.lookup.LookupCodes;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hardship-file lifecycle through its pages: every allowed step and the refused ones, the
 * public notice with objections, filing with a lookup code, yearly review, exit and the relapse
 * watch; masking and audited reveals; the access log; scope for every page and POST.
 * The grassroots steps are taken by {@code dm-staff}, staff of the grassroots union; the
 * federation steps by {@code wendeng}, administrator of the district federation.
 */
@Transactional
@RecordApplicationEvents
class HardshipFileLifecycleTest extends PostgresIntegrationTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(300);

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	HardshipFileAftercare fileManagement;

	@Autowired
	ApplicationEvents published;

	@Autowired
	java.time.Clock clock;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	@Autowired
	PersonalDataCipher cipher;

	long union;

	long memberId;

	@BeforeEach
	void setUp() throws Exception {
		union = demo.org("大明国际控股有限公司威海分公司工会");
		if (!accounts.exists("dm-staff")) {
			accounts.createInitialAccount("dm-staff", "大明工会干事", union, Set.of(StaffRole.STAFF), "Staff-pass-1", false);
		}
		memberId = newMember("王建初");
	}

	private long newMember(String name) throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String number = IdNumbers.resident("371003", 1975, n);
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", number)
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(union))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT MAX(id) FROM member WHERE name = ?", Long.class, name);
	}

	private MockHttpServletRequestBuilder application(long member) {
		return post("/aid/files").param("memberId", String.valueOf(member))
			.param("tier", "DEEP")
			.param("causes", "ILLNESS", "SCHOOLING")
			.param("situation", "妻子患病，儿子上大学")
			.param("workerIncome", "1800")
			.param("relatives[0].name", "李秀英")
			.param("relatives[0].relation", "妻子")
			.param("relatives[0].age", "48")
			.param("relatives[0].health", "尿毒症，每周透析")
			.param("relatives[0].income", "0")
			.param("relatives[1].name", "王磊")
			.param("relatives[1].relation", "儿子")
			.param("relatives[1].age", "19")
			.param("relatives[1].schooling", "大学")
			.param("relatives[1].income", "0")
			.with(csrf());
	}

	private long applied() throws Exception {
		mvc.perform(application(memberId).with(demo.as("dm-staff"))).andExpect(status().is3xxRedirection());
		return fileId();
	}

	private long fileId() {
		return jdbc.queryForObject("SELECT MAX(id) FROM hardship_file WHERE member_id = ?", Long.class, memberId);
	}

	private long version(long file) {
		return jdbc.queryForObject("SELECT version FROM hardship_file WHERE id = ?", Long.class, file);
	}

	private String fileStatus(long file) {
		return jdbc.queryForObject("SELECT status FROM hardship_file WHERE id = ?", String.class, file);
	}

	private MockHttpServletRequestBuilder step(long file, String path, String... params) {
		MockHttpServletRequestBuilder request = post("/aid/files/{id}/" + path, file)
			.param("version", String.valueOf(version(file)))
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	private void expectFlash(MockHttpServletRequestBuilder request, String user, String attribute, String key)
			throws Exception {
		ResultMatcher matcher = flash().attribute(attribute, key);
		mvc.perform(request.with(demo.as(user))).andExpect(status().is3xxRedirection()).andExpect(matcher);
	}

	private long onNotice() throws Exception {
		long file = applied();
		expectFlash(step(file, "grassroots-review", "approve", "true"), "dm-staff", "flashSuccess", "aid.file.step.approved");
		expectFlash(step(file, "visit", "visitDate", today().toString(), "visitors", "张干事、李干事",
				"visitNotes", "家中无其他收入来源", "approve", "true"), "dm-staff", "flashSuccess",
				"aid.file.step.visitRecorded");
		expectFlash(step(file, "federation-review", "approve", "true", "comment", "情况属实"), "wendeng", "flashSuccess",
				"aid.file.step.noticeStarted");
		return file;
	}

	/** Lets the notice period run out (the test shares one persistence context, so clear it). */
	private void endNotice(long file) {
		entityManager.flush();
		jdbc.update("UPDATE hardship_file SET notice_start = ?, notice_end = ? WHERE id = ?",
				Date.valueOf(today().minusDays(8)), Date.valueOf(today().minusDays(1)), file);
		entityManager.clear();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private long filed() throws Exception {
		long file = onNotice();
		endNotice(file);
		expectFlash(step(file, "file"), "wendeng", "flashSuccess", "aid.file.step.filed");
		return file;
	}

	private String body(MockHttpServletRequestBuilder request, String user, int status) throws Exception {
		return mvc.perform(request.with(demo.as(user))).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- the happy path and the refused steps ---------------------------------------------------

	@Test
	void aHouseholdGoesFromApplicationToFiledWithALookupCode() throws Exception {
		long file = onNotice();
		assertThat(fileStatus(file)).isEqualTo("PUBLIC_NOTICE");
		var row = jdbc.queryForMap("SELECT * FROM hardship_file WHERE id = ?", file);
		assertThat(row.get("household_size")).isEqualTo(3);
		assertThat(row).doesNotContainKeys("per_capita_income", "monthly_income", "situation", "visit_notes");
		assertThat(cipher.decrypt((String) row.get("per_capita_income_cipher"))).isEqualTo("600.00");
		assertThat(row.get("notice_end").toString()).isEqualTo(today().plusDays(6).toString());

		expectFlash(step(file, "file"), "wendeng", "flashError", "aid.file.error.noticeRunning");
		endNotice(file);
		expectFlash(step(file, "file"), "wendeng", "flashSuccess", "aid.file.step.filed");
		row = jdbc.queryForMap("SELECT * FROM hardship_file WHERE id = ?", file);
		assertThat(row.get("status")).isEqualTo("FILED");
		assertThat(LookupCodes.normalize((String) row.get("lookup_code"))).isEqualTo(row.get("lookup_code"));
		assertThat(row.get("next_review_on").toString()).isEqualTo(today().plusMonths(12).toString());
		assertThat(jdbc.queryForList("SELECT step FROM hardship_file_event WHERE file_id = ? ORDER BY id", String.class, file))
			.containsExactly("APPLIED", "GRASSROOTS_REVIEW", "HOME_VISIT", "FEDERATION_REVIEW", "FILED");
	}

	@Test
	void stepsOutOfOrderAreRefused() throws Exception {
		long file = applied();
		expectFlash(step(file, "visit", "visitDate", today().toString(), "visitors", "张", "visitNotes", "x"),
				"dm-staff", "flashError", "aid.file.error.wrongStep");
		expectFlash(step(file, "federation-review", "approve", "true"), "wendeng", "flashError",
				"aid.file.error.wrongStep");
		expectFlash(step(file, "file"), "wendeng", "flashError", "aid.file.error.wrongStep");
		expectFlash(step(file, "close", "reason", "x"), "wendeng", "flashError", "aid.file.error.wrongStep");
		assertThat(fileStatus(file)).isEqualTo("APPLIED");
	}

	@Test
	void federationStepsNeedAFederationLevelUser() throws Exception {
		long file = applied();
		expectFlash(step(file, "grassroots-review", "approve", "true"), "dm-staff", "flashSuccess", "aid.file.step.approved");
		expectFlash(step(file, "visit", "visitDate", today().toString(), "visitors", "张", "visitNotes", "属实",
				"approve", "true"), "dm-staff", "flashSuccess", "aid.file.step.visitRecorded");
		mvc.perform(step(file, "federation-review", "approve", "true").with(demo.as("dm-staff")))
			.andExpect(status().isForbidden());
		assertThat(fileStatus(file)).isEqualTo("FEDERATION_REVIEW");
	}

	@Test
	void aRejectionNeedsAReasonThatIsKeptForTheApplicant() throws Exception {
		long file = applied();
		expectFlash(step(file, "grassroots-review", "approve", "false"), "dm-staff", "flashError",
				"aid.file.error.reasonRequired");
		expectFlash(step(file, "grassroots-review", "approve", "false", "comment", "家庭收入高于标准"), "dm-staff",
				"flashSuccess", "aid.file.step.rejected");
		assertThat(jdbc.queryForObject("SELECT rejection_reason FROM hardship_file WHERE id = ?", String.class, file))
			.isEqualTo("家庭收入高于标准");
		// a rejected file no longer blocks a new application
		mvc.perform(application(memberId).with(demo.as("dm-staff"))).andExpect(status().is3xxRedirection());
	}

	@Test
	void oneOpenFilePerHousehold() throws Exception {
		applied();
		assertThat(body(application(memberId), "dm-staff", 200)).contains("该职工已有正在办理或有效的档案");
	}

	@Test
	void objectionsMustBeResolvedBeforeFilingAndAnUpheldOneRejects() throws Exception {
		long file = onNotice();
		endNotice(file);
		expectFlash(step(file, "objections", "content", "邻居反映其有经营收入"), "dm-staff", "flashSuccess",
				"aid.file.step.objectionRaised");
		expectFlash(step(file, "file"), "wendeng", "flashError", "aid.file.error.openObjections");
		long objection = jdbc.queryForObject("SELECT id FROM hardship_objection WHERE file_id = ?", Long.class, file);
		mvc.perform(post("/aid/files/{id}/objections/{o}/resolve", file, objection).param("version", "0")
			.param("upheld", "false")
			.param("resolution", "经核实为临时帮工，无固定收入")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(flash().attribute("flashSuccess", "aid.file.step.objectionResolved"));
		expectFlash(step(file, "file"), "wendeng", "flashSuccess", "aid.file.step.filed");

		memberId = newMember("刘绥梅");
		long second = onNotice();
		mvc.perform(step(second, "objections", "content", "有房产出租").with(demo.as("dm-staff")));
		long upheld = jdbc.queryForObject("SELECT id FROM hardship_objection WHERE file_id = ?", Long.class, second);
		mvc.perform(post("/aid/files/{id}/objections/{o}/resolve", second, upheld).param("version", "0")
			.param("upheld", "true")
			.param("resolution", "经核实有两套房产出租")
			.with(csrf())
			.with(demo.as("wendeng")));
		assertThat(fileStatus(second)).isEqualTo("REJECTED");
		assertThat(jdbc.queryForObject("SELECT rejection_reason FROM hardship_file WHERE id = ?", String.class, second))
			.isEqualTo("经核实有两套房产出租");
	}

	@Test
	void filedHouseholdsAreReviewedYearlyAndClosedWithAGracePeriod() throws Exception {
		long file = filed();
		expectFlash(step(file, "review", "tier", "RELATIVE"), "wendeng", "flashError", "validation.required");
		expectFlash(step(file, "review", "tier", "RELATIVE", "comment", "儿子已工作"), "wendeng", "flashSuccess",
				"aid.file.step.reviewed");
		assertThat(jdbc.queryForObject("SELECT tier FROM hardship_file WHERE id = ?", String.class, file))
			.isEqualTo("RELATIVE");
		expectFlash(step(file, "close", "reason", "妻子康复，收入稳定"), "wendeng", "flashSuccess", "aid.file.step.closed");
		var row = jdbc.queryForMap("SELECT * FROM hardship_file WHERE id = ?", file);
		assertThat(row.get("status")).isEqualTo("CLOSED");
		assertThat(row.get("support_until").toString()).isEqualTo(today().plusMonths(12).toString());
		assertThat(row.get("open_member_id")).isNull();
	}

	@Test
	void filingAndExitPublishTheEventsStatisticsWillCount() throws Exception {
		long file = filed();
		mvc.perform(step(file, "close", "reason", "已就业").with(demo.as("wendeng")));
		assertThat(published.stream(AidEvents.HardshipFileFiled.class))
			.containsExactly(new AidEvents.HardshipFileFiled(file, memberId, union, today()));
		assertThat(published.stream(AidEvents.HardshipFileExited.class))
			.containsExactly(new AidEvents.HardshipFileExited(file, memberId, union, today()));
	}

	@Test
	void aHouseholdThatExitedRecentlyIsFlaggedOnNewAidOrIncomeBelowTheThreshold() throws Exception {
		long file = filed();
		mvc.perform(step(file, "close", "reason", "已就业").with(demo.as("wendeng")));
		// the watch itself, in this test's transaction (the event reaches it after commit, on its own
		// thread and in its own transaction: EventPublicationRegistryTest)
		fileManagement.watchForRelapse(memberId);
		assertThat(jdbc.queryForObject("SELECT relapse_reason FROM hardship_file WHERE id = ?", String.class, file))
			.isEqualTo("NEW_AID_CASE");
		assertThat(body(get("/aid/files").param("watch", "true"), "wendeng", 200)).contains("返困预警");
		expectFlash(step(file, "clear-flag", "comment", "已核实为临时困难"), "wendeng", "flashSuccess",
				"aid.file.step.flagCleared");

		mvc.perform(post("/aid/thresholds").param("district", String.valueOf(demo.org("文登区总工会")))
			.param("year", String.valueOf(today().getYear()))
			.param("monthlyAmount", "900")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(flash().attribute("flashSuccess", "aid.threshold.saved"));
		expectFlash(step(file, "income", "monthlyIncome", "3000"), "wendeng", "flashSuccess", "aid.file.step.incomeRecorded");
		assertThat(jdbc.queryForObject("SELECT relapse_flagged_at FROM hardship_file WHERE id = ?", Object.class, file))
			.isNull();
		expectFlash(step(file, "income", "monthlyIncome", "1500"), "wendeng", "flashSuccess", "aid.file.step.incomeRecorded");
		assertThat(jdbc.queryForObject("SELECT relapse_reason FROM hardship_file WHERE id = ?", String.class, file))
			.isEqualTo("INCOME_BELOW_THRESHOLD");
	}

	@Test
	void thresholdsAreSetAtTheDistrictOrAboveOnly() throws Exception {
		if (!accounts.exists("dsb-admin")) {
			accounts.createInitialAccount("dsb-admin", "大水泊镇管理员", demo.org("大水泊镇工会"), Set.of(StaffRole.ORG_ADMIN),
					"Admin-pass-1", false);
		}
		MockHttpServletRequestBuilder set = post("/aid/thresholds").param("district", String.valueOf(demo.org("文登区总工会")))
			.param("year", String.valueOf(today().getYear()))
			.param("monthlyAmount", "880")
			.with(csrf());
		mvc.perform(set.with(demo.as("dsb-admin"))).andExpect(status().isForbidden());
		mvc.perform(set.with(demo.as("dm-staff"))).andExpect(status().isForbidden());
		mvc.perform(set.with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(set.with(demo.as("wendeng"))).andExpect(flash().attribute("flashSuccess", "aid.threshold.saved"));
		assertThat(jdbc.queryForObject("SELECT monthly_amount FROM aid_threshold WHERE district_id = ? AND aid_year = ?",
				java.math.BigDecimal.class, demo.org("文登区总工会"), today().getYear())).isEqualByComparingTo("880");
	}

	// ---- personal data, access log, scope ---------------------------------------------------------

	@Test
	void healthAndIncomeAreEncryptedMaskedAndRevealedOnlyWithAnAuditLine() throws Exception {
		long file = applied();
		assertThat(jdbc.queryForList("SELECT health_cipher FROM household_member WHERE file_id = ?", String.class, file))
			.noneMatch(cipher -> cipher != null && cipher.contains("透析"));
		String page = body(get("/aid/files/{id}", file), "dm-staff", 200);
		assertThat(page).contains("李秀英").doesNotContain("尿毒症").contains("****");
		String revealed = body(post("/aid/files/{id}/reveal", file).with(csrf()), "dm-staff", 200);
		assertThat(revealed).contains("尿毒症，每周透析");
		assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE subject_type = 'HARDSHIP_FILE' AND subject_id = ? AND action = 'REVEAL_HOUSEHOLD'",
				String.class, file)).containsExactly("dm-staff");
		assertThat(jdbc.queryForList("SELECT viewer FROM hardship_file_access WHERE file_id = ?", String.class, file))
			.containsExactly("dm-staff", "dm-staff");
	}

	/**
	 * Household income, the situation and the visit notes are stored encrypted, also not copied into
	 * the timeline; the income is masked until revealed, the situation and the notes are shown to
	 * staff in scope (every view is in the access log).
	 */
	@Test
	void householdIncomeSituationAndVisitNotesAreEncryptedAtRest() throws Exception {
		long file = onNotice();
		var row = jdbc.queryForMap("SELECT * FROM hardship_file WHERE id = ?", file);
		assertThat(row.values()).noneMatch(value -> value != null
				&& (value.toString().contains("儿子上大学") || value.toString().contains("家中无其他收入来源")
						|| value.toString().equals("1800.00") || value.toString().equals("600.00")));
		assertThat(cipher.decrypt((String) row.get("situation_cipher"))).isEqualTo("妻子患病，儿子上大学");
		assertThat(cipher.decrypt((String) row.get("visit_notes_cipher"))).isEqualTo("家中无其他收入来源");
		assertThat(cipher.decrypt((String) row.get("monthly_income_cipher"))).isEqualTo("1800.00");
		assertThat(jdbc.queryForList("SELECT comment FROM hardship_file_event WHERE file_id = ? AND comment IS NOT NULL",
				String.class, file)).noneMatch(c -> c.contains("儿子上大学") || c.contains("家中无其他收入来源"));

		String page = body(get("/aid/files/{id}", file), "wendeng", 200);
		assertThat(page).contains("妻子患病，儿子上大学", "家中无其他收入来源").doesNotContain("1800.00", "600.00");
		String revealed = body(post("/aid/files/{id}/reveal", file).with(csrf()), "wendeng", 200);
		assertThat(revealed).contains("1800.00", "600.00");
	}

	@Test
	void visitNotesLongerThanTheLimitAreRefusedWithAMessage() throws Exception {
		long file = applied();
		expectFlash(step(file, "grassroots-review", "approve", "true"), "dm-staff", "flashSuccess", "aid.file.step.approved");
		expectFlash(step(file, "visit", "visitDate", today().toString(), "visitors", "张干事", "visitNotes",
				"漏".repeat(HardshipFileManagement.VISIT_NOTES_MAX + 1), "approve", "true"), "dm-staff", "flashError",
				"aid.file.error.visitNotesLength");
		expectFlash(step(file, "visit", "visitDate", today().toString(), "visitors", "张干事", "visitNotes",
				"漏".repeat(HardshipFileManagement.VISIT_NOTES_MAX), "approve", "true"), "dm-staff", "flashSuccess",
				"aid.file.step.visitRecorded");
	}

	@Test
	void everyFilePageAndPostAnswers404OutsideTheScope() throws Exception {
		long file = applied();
		String missing = body(get("/aid/files/{id}", 987_654_321L), "huancui", 404);
		assertThat(body(get("/aid/files/{id}", file), "huancui", 404)).isEqualTo(missing);
		for (String path : new String[] { "grassroots-review", "visit", "federation-review", "objections", "file",
				"review", "close", "income", "clear-flag", "reveal" }) {
			mvc.perform(step(file, path, "approve", "true", "comment", "x").with(demo.as("huancui")))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/aid/files/new").param("member", String.valueOf(memberId)).with(demo.as("huancui")))
			.andExpect(status().isNotFound());
		mvc.perform(application(memberId).with(demo.as("huancui"))).andExpect(status().isNotFound());
		assertThat(body(get("/aid/files"), "huancui", 200)).doesNotContain("王建初");
		assertThat(fileStatus(file)).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hardship_file_access WHERE file_id = ? AND viewer = 'huancui'",
				Long.class, file)).isZero();
	}

	@Test
	void theWorkQueueShowsWhatWaitsForTheUser() throws Exception {
		long file = applied();
		assertThat(body(get("/aid/files/queue"), "dm-staff", 200)).contains("王建初");
		mvc.perform(step(file, "grassroots-review", "approve", "true").with(demo.as("dm-staff")));
		mvc.perform(step(file, "visit", "visitDate", today().toString(), "visitors", "张", "visitNotes", "属实",
				"approve", "true").with(demo.as("dm-staff")));
		assertThat(body(get("/aid/files/queue"), "dm-staff", 200)).doesNotContain("王建初");
		assertThat(body(get("/aid/files/queue"), "wendeng", 200)).contains("王建初");
	}
}
