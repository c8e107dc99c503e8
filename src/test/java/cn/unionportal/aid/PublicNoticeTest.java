package cn.unionportal.aid;

import cn.unionportal.support.IdNumbers;
import cn.unionportal.aid.lookup.LookupCodes;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public notice (公示): open without login, only notices running today, masked names,
 * organization and tier only, searchable by organization name.
 */
@Transactional
class PublicNoticeTest extends PostgresIntegrationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@org.springframework.beans.factory.annotation.Autowired
	PersonalDataCipher cipher;

	private static final AtomicLong SEQUENCE = new AtomicLong(500);

	@Autowired
	AccountManagement accounts;

	@Autowired
	EntityManager entityManager;

	long wendengUnion;

	long huancuiUnion;

	LocalDate today;

	final java.util.Map<Long, String> idNumbers = new java.util.concurrent.ConcurrentHashMap<>();

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
		today = LocalDate.now(ZONE);
	}

	long member(long organization, String name, String user) throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String number = IdNumbers.resident("371002", 1968, n);
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", number)
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2019-05-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("SELECT id FROM member WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, name);
		idNumbers.put(id, number);
		return id;
	}

	/** The last four characters of a member's ID number (not kept in clear in the database). */
	String memberIdNumber(long member) {
		String number = idNumbers.get(member);
		return number.substring(number.length() - 4);
	}

	void file(long member, long organization, String status, String tier, LocalDate start, LocalDate end) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, situation_cipher, household_size,
				    applied_by, applied_at, notice_start, notice_end, open_member_id,
				    created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ILLNESS', ?, 4, 'wendeng', ?, ?, ?, ?, ?, ?)
				""", member, organization, status, tier, cipher.encrypt("妻子患尿毒症每周透析"), now, start, end, member, now, now);
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void onlyRunningNoticesAreShownWithMaskedNamesOrganizationAndTier() throws Exception {
		file(member(wendengUnion, "王建初", "wendeng"), wendengUnion, "PUBLIC_NOTICE", "DEEP", today.minusDays(2),
				today.plusDays(4));
		file(member(huancuiUnion, "刘绥梅", "huancui"), huancuiUnion, "PUBLIC_NOTICE", "SUDDEN", today, today);
		file(member(wendengUnion, "赵丽华", "wendeng"), wendengUnion, "PUBLIC_NOTICE", "RELATIVE", today.minusDays(9),
				today.minusDays(1));
		file(member(wendengUnion, "钱多多", "wendeng"), wendengUnion, "PUBLIC_NOTICE", "RELATIVE", today.plusDays(1),
				today.plusDays(8));
		file(member(wendengUnion, "孙晓彬", "wendeng"), wendengUnion, "FEDERATION_REVIEW", "DEEP", today.minusDays(1),
				today.plusDays(5));

		String page = body(get("/notice"));
		assertThat(page).contains("王*初", "大明国际控股有限公司威海分公司工会", "深度困难",
				today.minusDays(2) + " 至 " + today.plusDays(4), "刘*梅", "意外致困");
		assertThat(page).doesNotContain("王建初", "刘绥梅", "赵*华", "赵丽华", "钱*多", "钱多多", "孙*彬", "孙晓彬",
				"尿毒症", "2400", "371002");
		assertThat(body(get("/notice").param("lang", "en"))).contains("Deep hardship", "Public notice of hardship files");
	}

	/**
	 * The lead's lifecycle end to end: the federation's approval puts the household on the notice;
	 * once filed it leaves the notice, and its lookup code shows the steps to the family.
	 */
	@Test
	void aHouseholdTakenThroughTheLifecycleIsNoticedThenFoundByItsCode() throws Exception {
		if (!accounts.exists("dm-staff")) {
			accounts.createInitialAccount("dm-staff", "大明工会干事", wendengUnion, Set.of(StaffRole.STAFF), "Staff-pass-1",
					false);
		}
		long member = member(wendengUnion, "欧阳晓娜", "wendeng");
		String idNumber = memberIdNumber(member);
		mvc.perform(post("/aid/files").param("memberId", String.valueOf(member))
			.param("tier", "SUDDEN")
			.param("causes", "ACCIDENT")
			.param("situation", "工伤致残")
			.param("workerIncome", "900")
			.with(csrf())
			.with(demo.as("dm-staff"))).andExpect(status().is3xxRedirection());
		long file = jdbc.queryForObject("SELECT id FROM hardship_file WHERE member_id = ?", Long.class, member);
		step(file, "grassroots-review", "dm-staff", "approve", "true");
		step(file, "visit", "dm-staff", "visitDate", today.toString(), "visitors", "张干事", "visitNotes", "家中无收入",
				"approve", "true");
		step(file, "federation-review", "wendeng", "approve", "true", "comment", "情况属实");

		assertThat(body(get("/notice").param("q", "大明国际"))).contains("欧**娜", "意外致困", today.toString())
			.doesNotContain("欧阳晓娜", "工伤致残", "家中无收入");

		entityManager.flush();
		jdbc.update("UPDATE hardship_file SET notice_start = ?, notice_end = ? WHERE id = ?", today.minusDays(8),
				today.minusDays(1), file);
		entityManager.clear();
		step(file, "file", "wendeng");
		assertThat(body(get("/notice"))).doesNotContain("欧**娜");

		String code = jdbc.queryForObject("SELECT lookup_code FROM hardship_file WHERE id = ?", String.class, file);
		String page = body(post("/status").param("code", LookupCodes.display(code)).param("lastFour", idNumber)
			.with(csrf()));
		assertThat(page).contains("欧**娜", "已建档", "基层工会审核", "入户走访", "上级总工会审核")
			.doesNotContain("欧阳晓娜", "工伤致残", "家中无收入", "张干事", "情况属实", "dm-staff");
	}

	private void step(long file, String path, String user, String... params) throws Exception {
		long version = jdbc.queryForObject("SELECT version FROM hardship_file WHERE id = ?", Long.class, file);
		MockHttpServletRequestBuilder request = post("/aid/files/{id}/" + path, file)
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(demo.as(user));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashSuccess"));
	}

	@Test
	void theNoticeCanBeSearchedByOrganizationName() throws Exception {
		file(member(wendengUnion, "王建初", "wendeng"), wendengUnion, "PUBLIC_NOTICE", "DEEP", today, today.plusDays(6));
		file(member(huancuiUnion, "刘绥梅", "huancui"), huancuiUnion, "PUBLIC_NOTICE", "SUDDEN", today, today.plusDays(6));

		assertThat(body(get("/notice").param("q", "大明国际"))).contains("王*初").doesNotContain("刘*梅");
		assertThat(body(get("/notice").param("q", "恒科"))).contains("刘*梅").doesNotContain("王*初");
		assertThat(body(get("/notice").param("q", "100%_\\"))).doesNotContain("王*初", "刘*梅").contains("目前没有正在公示的家庭");
	}
}
