package cn.unionportal.member;

import cn.unionportal.support.IdNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Double clicks and two staff at once: the same person submitted concurrently is registered once.
 * Not transactional (each request commits), so it uses an ID number of its own.
 */
class ConcurrentRegistrationTest extends PostgresIntegrationTest {

	@Test
	void concurrentSubmissionsOfTheSamePersonRegisterOneMember() throws Exception {
		String number = IdNumbers.resident("371082", "19900315", "777");
		String idNumber = number;
		long union = demo.org("山东悦多果业有限公司工会");
		int clicks = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clicks);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < clicks; i++) {
			Callable<Integer> click = () -> {
				start.await();
				return mvc.perform(post("/members").param("name", "并发测试")
					.param("documentType", "RESIDENT_ID")
					.param("idNumber", idNumber)
					.param("employmentType", "ON_THE_JOB")
					.param("organizationId", String.valueOf(union))
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
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE name = '并发测试'", Long.class)).isEqualTo(1);
	}
}
