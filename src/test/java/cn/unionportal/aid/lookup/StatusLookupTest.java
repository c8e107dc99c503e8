package cn.unionportal.aid.lookup;

import cn.unionportal.support.IdNumbers;
import cn.unionportal.aid.AidSettings;

import cn.unionportal.aid.lookup.LookupCodes;
import cn.unionportal.aid.lookup.StatusLookup;
import cn.unionportal.aid.lookup.StatusLookupAttempts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.unionportal.aid.lookup.StatusLookupResult.Outcome;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.support.MutableClock;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The families' status page (一户一码): minimal disclosure, one answer for a wrong code and wrong
 * ID digits, rate limits per code and per address, and the staff's printable code card.
 */
@Transactional
class StatusLookupTest extends PostgresIntegrationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@org.springframework.beans.factory.annotation.Autowired
	PersonalDataCipher cipher;

	private static final AtomicLong SEQUENCE = new AtomicLong(300);

	long wendengUnion;

	long huancuiUnion;

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
	}

	// ---- fixtures (rows written directly, independent of the file lifecycle) -------------------

	record Person(long id, String idNumber) {
		String lastFour() {
			return idNumber.substring(14);
		}
	}

	static String newIdNumber() {
		long n = SEQUENCE.incrementAndGet();
		return IdNumbers.resident("371002", 1979, n);
	}

	Person member(long organization, String name, String user) throws Exception {
		String idNumber = newIdNumber();
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", idNumber)
			.param("phone", "13912345678")
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2020-03-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("SELECT id FROM member WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, name);
		return new Person(id, idNumber);
	}

	long file(Person person, long organization, String status, String code) {
		boolean ended = status.equals("REJECTED") || status.equals("CLOSED");
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, situation_cipher, household_size,
				    applied_by, applied_at, visit_notes_cipher, lookup_code, open_member_id,
				    created_at, updated_at)
				VALUES (?, ?, ?, 'DEEP', 'ILLNESS', ?, 3, 'wendeng', ?, ?, ?, ?, ?, ?)
				""", person.id(), organization, status, cipher.encrypt("父亲瘫痪在床，母亲无业"), Timestamp.from(Instant.now().minus(60, ChronoUnit.DAYS)), cipher.encrypt("走访记录：家中漏雨"), code,
				ended ? null : person.id(), now, now);
		long id = jdbc.queryForObject("SELECT MAX(id) FROM hardship_file", Long.class);
		jdbc.update("INSERT INTO household_member (file_id, seq, name, relation, age) VALUES (?, 1, '王小明', 'CHILD', 12)", id);
		return id;
	}

	void event(long file, String step, String outcome, String comment, int daysAgo) {
		jdbc.update("INSERT INTO hardship_file_event (file_id, step, outcome, comment, actor, occurred_at) VALUES (?, ?, ?, ?, 'wendeng', ?)",
				file, step, outcome, comment, Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)));
	}

	long aidCase(Person person, Long file, long organization, String kind, String status, String approved, String paid,
			String code, String comment) {
		jdbc.update("""
				INSERT INTO aid_case (kind, member_id, file_id, organization_id, aid_year, status, details, computed_amount,
				    requested_amount, approval_level, recorded_by, recorded_at, decided_by, decided_at, decision_comment,
				    approved_amount, paid_amount, lookup_code)
				VALUES (?, ?, ?, ?, 2026, ?, '住院费用清单：肺部手术', 6000, 6000, 'DISTRICT', 'wendeng', ?, ?, ?, ?, ?, ?, ?)
				""", kind, person.id(), file, organization, status, Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS)),
				status.equals("RECORDED") ? null : "admin",
				status.equals("RECORDED") ? null : Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)), comment,
				approved == null ? null : new java.math.BigDecimal(approved), new java.math.BigDecimal(paid), code);
		return jdbc.queryForObject("SELECT MAX(id) FROM aid_case", Long.class);
	}

	MockHttpServletRequestBuilder lookUp(String code, String lastFour, String address) {
		return post("/status").param("code", code).param("lastFour", lastFour).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The page without what legitimately differs between two answers: the CSRF token and the echoed code. */
	static String neutral(String body) {
		return body.replaceAll("value=\"[^\"]*\"", "value=\"\"");
	}

	// ---- disclosure ------------------------------------------------------------------------------

	@Test
	void aFamilySeesProgressDatesAndAmountsButNoNamesOrHouseholdData() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		Person other = member(wendengUnion, "李秀英", "wendeng");
		String code = LookupCodes.generate();
		long file = file(wang, wendengUnion, "FILED", code);
		LocalDate review = LocalDate.now(ZONE).plusMonths(11);
		jdbc.update("UPDATE hardship_file SET filed_on = ?, next_review_on = ? WHERE id = ?",
				LocalDate.now(ZONE).minusMonths(1), review, file);
		event(file, "APPLIED", "RECORDED", "申请人自述：欠债三万", 60);
		event(file, "GRASSROOTS_REVIEW", "APPROVED", "内部意见：情况属实", 50);
		event(file, "OBJECTION_RAISED", "RECORDED", "邻居举报有车", 40);
		event(file, "INCOME_UPDATED", "RECORDED", "月收入 1800", 35);
		event(file, "FILED", "APPROVED", null, 30);
		aidCase(wang, file, wendengUnion, "LIVING_ALLOWANCE", "PAID", "6000", "6000", null, "同意");
		aidCase(other, file(other, wendengUnion, "FILED", LookupCodes.generate()), wendengUnion, "MEDICAL_AID", "APPROVED",
				"7874", "0", null, null);

		MockHttpServletResponse response = mvc.perform(lookUp(LookupCodes.display(code).toLowerCase(), wang.lastFour(), "10.9.0.1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String page = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(page).contains("王*初", "已建档", "下次复核日期为 " + review, "生活补助", "已全额发放", "6,000.00",
				"基层工会审核", LookupCodes.display(code));
		assertThat(page).doesNotContain("王建初", "李秀英", "李*英", "王小明", "父亲瘫痪", "家中漏雨", "欠债", "内部意见",
				"邻居举报", "1800", "7,874", "肺部手术", wang.idNumber(), wang.idNumber().substring(0, 6), "13912345678",
				"大明国际", "wendeng");
	}

	@Test
	void aRejectionShowsItsWrittenReasonAndAStandAloneCaseShowsItsAmounts() throws Exception {
		Person sun = member(wendengUnion, "孙晓彬", "wendeng");
		String fileCode = LookupCodes.generate();
		long file = file(sun, wendengUnion, "REJECTED", fileCode);
		jdbc.update("UPDATE hardship_file SET rejection_reason = '家庭人均收入高于当地低保标准' WHERE id = ?", file);
		assertThat(body(lookUp(fileCode, sun.lastFour(), "10.9.0.2"), 200)).contains("未通过审核", "家庭人均收入高于当地低保标准");

		String caseCode = LookupCodes.generate();
		aidCase(sun, null, wendengUnion, "LEGAL_AID", "APPROVED", "50000", "20000", caseCode, "内部：优先");
		String page = body(lookUp(caseCode, sun.lastFour(), "10.9.0.2"), 200);
		assertThat(page).contains("法律援助", "已批准，部分已发放", "50,000.00", "20,000.00", "孙*彬")
			.doesNotContain("孙晓彬", "内部：优先", "住院费用清单", "家庭人均收入");
	}

	@Test
	void theFormIsPublicAndTheQrLinkFillsInTheCode() throws Exception {
		String code = LookupCodes.generate();
		MockHttpServletResponse response = mvc.perform(get("/status").param("code", code.toLowerCase()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("value=\"" + LookupCodes.display(code) + "\"");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(body(get("/status").param("lang", "en"), 200)).contains("Check the status of your aid");
	}

	// ---- one answer for every failure --------------------------------------------------------------

	@Test
	void aWrongCodeAndWrongDigitsGetTheSameAnswer() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "APPLIED", code);
		String wrongDigits = body(lookUp(code, wang.lastFour().equals("0000") ? "1111" : "0000", "10.9.1.1"), 200);
		String wrongCode = body(lookUp(LookupCodes.generate(), wang.lastFour(), "10.9.1.2"), 200);
		String notACode = body(lookUp("HELLO-WORLD", wang.lastFour(), "10.9.1.3"), 200);

		assertThat(wrongDigits).contains("查询码或身份证号码后四位不正确").doesNotContain("王*初", "王建初");
		assertThat(neutral(wrongCode)).isEqualTo(neutral(wrongDigits));
		assertThat(neutral(notACode)).isEqualTo(neutral(wrongDigits));
		assertThat(wrongDigits).doesNotContain("value=\"" + wang.lastFour() + "\"");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_lookup_attempt WHERE address LIKE '10.9.1.%'", Long.class))
			.isEqualTo(3);
	}

	// ---- rate limits ---------------------------------------------------------------------------

	@Test
	void afterFiveWrongAttemptsOnACodeEvenTheRightDigitsAreRefused() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "HOME_VISIT", code);
		String wrong = wang.lastFour().equals("0000") ? "1111" : "0000";
		for (int i = 0; i < 5; i++) {
			body(lookUp(code, wrong, "10.9.2." + i), 200);
		}
		String refused = body(lookUp(code, wang.lastFour(), "10.9.2.200"), 429);
		assertThat(refused).contains("尝试次数过多").doesNotContain("王*初");

		// a code that does not exist is counted (and refused) the same way
		String unknown = LookupCodes.generate();
		for (int i = 0; i < 5; i++) {
			body(lookUp(LookupCodes.display(unknown), wang.lastFour(), "10.9.3." + i), 200);
		}
		assertThat(neutral(body(lookUp(unknown.toLowerCase(), wang.lastFour(), "10.9.3.200"), 429)))
			.isEqualTo(neutral(refused));
	}

	@Test
	void wrongAttemptsOfAnEarlierWindowNoLongerCount() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "APPLIED", code);
		Instant earlier = Instant.now().minus(16, ChronoUnit.MINUTES);
		jdbc.update("""
				INSERT INTO attempt_counter (limit_name, limit_key, window_start, window_end, attempts)
				VALUES ('status-code', ?, ?, ?, 5), ('status-address', '10.9.4.1', ?, ?, 20)
				""", code, Timestamp.from(earlier), Timestamp.from(earlier.plus(15, ChronoUnit.MINUTES)),
				Timestamp.from(earlier), Timestamp.from(earlier.plus(15, ChronoUnit.MINUTES)));
		assertThat(body(lookUp(code, wang.lastFour(), "10.9.4.1"), 200)).contains("王*初", "等待基层工会审核");
	}

	@Test
	void rightLookupsDoNotUseUpTheWrongAttempts() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "APPLIED", code);
		String wrong = wang.lastFour().equals("0000") ? "1111" : "0000";
		for (int i = 0; i < 4; i++) {
			body(lookUp(code, wrong, "10.9.6." + i), 200);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(body(lookUp(code, wang.lastFour(), "10.9.6.10"), 200)).contains("王*初");
		}
		assertThat(body(lookUp(code, wrong, "10.9.6.20"), 200)).contains("查询码或身份证号码后四位不正确");
		assertThat(body(lookUp(code, wang.lastFour(), "10.9.6.10"), 429)).contains("尝试次数过多");
	}

	@Test
	void anAddressThatGuessesTooOftenIsRefusedWhileOthersStillWork() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "FEDERATION_REVIEW", code);
		for (int i = 0; i < 20; i++) {
			body(lookUp(LookupCodes.generate(), "1234", "10.9.5.1"), 200);
		}
		assertThat(body(lookUp(code, wang.lastFour(), "10.9.5.1"), 429)).contains("尝试次数过多").doesNotContain("王*初");
		assertThat(body(lookUp(code, wang.lastFour(), "10.9.5.2"), 200)).contains("王*初", "上级总工会正在审核");
	}

	/**
	 * Staff who printed a family's card know the code: at 5 guesses per 15 minutes they would try
	 * about 100 of the last four ID characters in five hours. The daily limit per code stops the
	 * 11th wrong attempt of the day, however the attempts are spread over windows and addresses.
	 */
	@Test
	void aCodeHasADailyLimitOfWrongAttemptsAcrossWindows(@Autowired JdbcClient jdbcClient,
			@Autowired AidSettings settings, @Autowired MemberManagement members,
			@Autowired OrganizationManagement organizations) throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		file(wang, wendengUnion, "APPLIED", code);
		Person li = member(wendengUnion, "李建国", "wendeng");
		String otherCode = LookupCodes.generate();
		file(li, wendengUnion, "APPLIED", otherCode);
		Instant dayStart = Instant.parse("2031-05-05T00:00:00Z");
		MutableClock clock = new MutableClock(dayStart);
		StatusLookup lookup = new StatusLookup(jdbcClient,
				new StatusLookupAttempts(jdbcClient, settings, new AttemptLimits(jdbcClient, clock), clock), members,
				organizations, clock);
		String wrong = wang.lastFour().equals("0000") ? "1111" : "0000";
		for (int i = 0; i < 5; i++) {
			assertThat(lookup.lookUp(code, wrong, "10.9.7." + i).outcome()).isEqualTo(Outcome.NO_MATCH);
		}
		assertThat(lookup.lookUp(code, wrong, "10.9.7.5").outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
		clock.advance(Duration.ofMinutes(15));
		for (int i = 10; i < 15; i++) {
			assertThat(lookup.lookUp(code, wrong, "10.9.7." + i).outcome()).isEqualTo(Outcome.NO_MATCH);
		}
		clock.advance(Duration.ofMinutes(15));
		assertThat(lookup.lookUp(code, wrong, "10.9.7.20").outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
		assertThat(lookup.lookUp(code, wang.lastFour(), "10.9.7.21").outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
		clock.advance(Duration.ofHours(20));
		assertThat(lookup.lookUp(code, wang.lastFour(), "10.9.7.22").outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
		// another code is not affected, and the next day the family gets in again
		assertThat(lookup.lookUp(otherCode, li.lastFour(), "10.9.7.23").outcome()).isEqualTo(Outcome.FOUND);
		clock.advance(Duration.ofHours(4));
		assertThat(lookup.lookUp(code, wang.lastFour(), "10.9.7.24").outcome()).isEqualTo(Outcome.FOUND);
	}

	// ---- the code card ---------------------------------------------------------------------------

	@Test
	void staffInScopePrintTheCodeCardWithAQrLinkToTheStatusPage() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		long file = file(wang, wendengUnion, "FILED", code);
		String card = body(get("/aid/files/{id}/code", file).with(demo.as("wendeng")), 200);
		assertThat(card).contains(LookupCodes.display(code), "data:image/png;base64,", PUBLIC_BASE_URL + "/status", "王*初")
			.doesNotContain("王建初");
		mvc.perform(get("/aid/files/{id}/code", file).with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/files/{id}/code", file)).andExpect(status().is3xxRedirection());

		long caseId = aidCase(wang, null, wendengUnion, "EDUCATION_GRANT", "RECORDED", null, "0", LookupCodes.generate(), null);
		assertThat(body(get("/aid/cases/{id}/code", caseId).with(demo.as("admin")), 200)).contains("助学金");
		mvc.perform(get("/aid/cases/{id}/code", caseId).with(demo.as("huancui"))).andExpect(status().isNotFound());

		long withoutCode = file(member(wendengUnion, "周明", "wendeng"), wendengUnion, "APPLIED", null);
		assertThat(body(get("/aid/files/{id}/code", withoutCode).with(demo.as("wendeng")), 422)).contains("尚未生成查询码");
	}

	@Test
	void aForgedHostHeaderReachesNeitherTheCodeCardNorItsQrCode() throws Exception {
		Person wang = member(wendengUnion, "王建初", "wendeng");
		String code = LookupCodes.generate();
		long file = file(wang, wendengUnion, "FILED", code);
		String card = body(get("/aid/files/{id}/code", file).header("Host", "portal.attacker.example")
			.header("X-Forwarded-Host", "portal.attacker.example")
			.with(request -> {
				request.setServerName("portal.attacker.example");
				return request;
			})
			.with(demo.as("wendeng")), 200);
		assertThat(card).contains(PUBLIC_BASE_URL + "/status").doesNotContain("attacker");
		Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(card);
		assertThat(png.find()).isTrue();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
		assertThat(qr).isEqualTo(PUBLIC_BASE_URL + "/status?code=" + code);
	}
}
