package cn.unionportal.aid;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public notice (公示): open without login, only notices running today, masked names,
 * organization and tier only, searchable by organization name.
 */
@Transactional
class PublicNoticeTest extends PostgresIntegrationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicLong SEQUENCE = new AtomicLong(500);

	long wendengUnion;

	long huancuiUnion;

	LocalDate today;

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
		today = LocalDate.now(ZONE);
	}

	long member(long organization, String name, String user) throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String body = "371002" + "1968" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", n % 1000);
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", body + ResidentIdNumber.checkDigit(body))
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2019-05-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT id FROM member WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, name);
	}

	void file(long member, long organization, String status, String tier, LocalDate start, LocalDate end) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, situation, household_size,
				    monthly_income, per_capita_income, applied_by, applied_at, notice_start, notice_end, open_member_id,
				    created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ILLNESS', '妻子患尿毒症每周透析', 4, 2400, 600, 'wendeng', ?, ?, ?, ?, ?, ?)
				""", member, organization, status, tier, now, start, end, member, now, now);
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

	@Test
	void theNoticeCanBeSearchedByOrganizationName() throws Exception {
		file(member(wendengUnion, "王建初", "wendeng"), wendengUnion, "PUBLIC_NOTICE", "DEEP", today, today.plusDays(6));
		file(member(huancuiUnion, "刘绥梅", "huancui"), huancuiUnion, "PUBLIC_NOTICE", "SUDDEN", today, today.plusDays(6));

		assertThat(body(get("/notice").param("q", "大明国际"))).contains("王*初").doesNotContain("刘*梅");
		assertThat(body(get("/notice").param("q", "恒科"))).contains("刘*梅").doesNotContain("王*初");
		assertThat(body(get("/notice").param("q", "100%_\\"))).doesNotContain("王*初", "刘*梅").contains("目前没有正在公示的家庭");
	}
}
