package cn.unionportal.aid;

import cn.unionportal.aid.lookup.LookupCodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.support.Concurrently;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rate limits and the yearly medical cap under real concurrent requests (not transactional: every
 * request commits): exactly the limit gets through, never more.
 */
class AidConcurrentLimitsTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	AidCaseFixtures aid;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
	}

	private static MockHttpServletRequestBuilder lookUp(String code, String lastFour, String address) {
		return post("/status").param("code", code).param("lastFour", lastFour).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	/** A filed household with a lookup code; answers the code. */
	private String codeOfANewFile(String name) throws Exception {
		long member = aid.member(aid.wendengUnion(), name, "wendeng");
		long file = aid.file(member, "FILED", "DEEP", null);
		String code = LookupCodes.generate();
		jdbc.update("UPDATE hardship_file SET lookup_code = ? WHERE id = ?", code, file);
		return code;
	}

	@Test
	void fortyParallelWrongLookupsOfOneCodeLetExactlyFiveThrough() throws Exception {
		String code = codeOfANewFile("并发查询");
		List<MockHttpServletRequestBuilder> guesses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			guesses.add(lookUp(code, String.format("%04d", 9000 + i), "10.40.0." + i));
		}
		List<Integer> statuses = Concurrently.statuses(mvc, guesses);
		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(5);
		assertThat(statuses.stream().filter(s -> s == 429)).hasSize(35);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_lookup_attempt WHERE lookup_code = ?", Long.class,
				code)).isEqualTo(5);
	}

	@Test
	void aHundredParallelWrongLookupsFromOneAddressLetExactlyTwentyThrough() throws Exception {
		List<MockHttpServletRequestBuilder> guesses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			guesses.add(lookUp(LookupCodes.generate(), "1234", "10.41.0.1"));
		}
		List<Integer> statuses = Concurrently.statuses(mvc, guesses);
		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(20);
		assertThat(statuses.stream().filter(s -> s == 429)).hasSize(80);
	}

	@Test
	void fourMedicalCasesOfTwentyThousandAtOnceAgainstTheThirtyThousandCapRecordOnlyOne() throws Exception {
		long member = aid.member(aid.wendengUnion(), "并发封顶", "wendeng");
		long file = aid.file(member, "FILED", "DEEP", null);
		List<MockHttpServletRequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			// 25,000 × 80% = 20,000 each
			clicks.add(aid.recordRequest("MEDICAL_AID", member, file, "wendeng").param("billAmount", "25000")
				.param("requestedAmount", "20000")
				.param("overrideReason", "病情加重"));
		}
		List<Concurrently.Response> responses = Concurrently.bodies(mvc, clicks);
		assertThat(responses.stream().filter(r -> r.status() == 302)).hasSize(1);
		assertThat(responses.stream().filter(r -> r.status() == 200))
			.hasSize(3)
			.allMatch(r -> r.body().contains("本年度最多还可救助 10000 元"));
		assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(requested_amount), 0) FROM aid_case WHERE member_id = ?",
				BigDecimal.class, member)).isEqualByComparingTo("20000");
	}
}
