package cn.unionportal.benefits;

import cn.unionportal.support.IdNumbers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Double clicks on "enrol": concurrent submissions enrol the member once, and the database
 * itself refuses a second enrolment in the same programme. Not transactional (each request
 * commits), so it uses a member of its own.
 */
class ConcurrentEnrolmentTest extends PostgresIntegrationTest {

	@Test
	void concurrentEnrolmentsOfTheSameMemberMakeOne() throws Exception {
		String number = IdNumbers.resident("371073", "19880808", "888");
		long union = demo.org("威海临港国际物流有限公司工会");
		mvc.perform(post("/members").param("name", "并发参保")
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", number)
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(union))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		long member = jdbc.queryForObject("SELECT id FROM member WHERE name = '并发参保'", Long.class);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long programme = jdbc.queryForObject("SELECT id FROM benefit_programme WHERE programme_year = ?", Long.class,
				today.getYear());

		int clicks = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clicks);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < clicks; i++) {
			Callable<Integer> click = () -> {
				start.await();
				return mvc.perform(post("/benefits/enrolments").param("programmeId", String.valueOf(programme))
					.param("memberId", String.valueOf(member))
					.param("enrolledOn", today.toString())
					.with(csrf())
					.with(demo.as("admin"))).andReturn().getResponse().getStatus();
			};
			results.add(pool.submit(click));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(302, 200);
		assertThat(statuses.stream().filter(s -> s == 302)).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM insurance_enrolment WHERE member_id = ?", Long.class, member))
			.isEqualTo(1);

		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO insurance_enrolment (programme_id, member_id, organization_id, enrolled_on, status, claims_paid,
				    enrolled_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ENROLLED', 0, 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", programme, member,
				union, java.sql.Date.valueOf(today)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}
}
