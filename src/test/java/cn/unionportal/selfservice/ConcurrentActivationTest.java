package cn.unionportal.selfservice;

import cn.unionportal.support.IdNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.support.Concurrently;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activation limits under real concurrent requests (not transactional: every request
 * commits): of a burst of wrong attempts, exactly the limit is checked, the rest is refused.
 */
class ConcurrentActivationTest extends PostgresIntegrationTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(700);

	private static final String FAILED = "信息不一致，无法开通";

	private static final String TOO_MANY = "尝试次数过多";

	/** Registers a member (committed); answers the card number. */
	private String card() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String number = IdNumbers.resident("371082", 1986, n);
		String name = "并发开通" + n;
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", number)
			.param("phone", "1390001" + String.format("%04d", n))
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(demo.org("山东悦多果业有限公司工会")))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT card_number FROM member WHERE name = ?", String.class, name);
	}

	private static MockHttpServletRequestBuilder wrongActivation(String card, String address) {
		return post("/me/activate").param("cardNumber", card)
			.param("idNumber", "371082198601010000")
			.param("phone", "13700000000")
			.param("password", "Member-pass-1")
			.param("confirmPassword", "Member-pass-1")
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	private static long count(List<Concurrently.Response> responses, String text) {
		return responses.stream().filter(r -> r.status() == 200 && r.body().contains(text)).count();
	}

	@Test
	void fortyParallelWrongActivationsOfOneCardLetExactlyFiveThrough() throws Exception {
		String card = card();
		List<MockHttpServletRequestBuilder> guesses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			guesses.add(wrongActivation(card, "10.50.0." + i));
		}
		List<Concurrently.Response> responses = Concurrently.bodies(mvc, guesses);
		assertThat(count(responses, FAILED)).isEqualTo(5);
		assertThat(count(responses, TOO_MANY)).isEqualTo(35);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activation_attempt WHERE card_number = ?", Long.class,
				card)).isEqualTo(5);
	}

	@Test
	void aHundredParallelWrongActivationsFromOneAddressLetExactlyTwentyThrough() throws Exception {
		List<MockHttpServletRequestBuilder> guesses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			guesses.add(wrongActivation(String.format("WH26%08d%d", 90_000_000 + i, i % 10), "10.51.0.1"));
		}
		List<Concurrently.Response> responses = Concurrently.bodies(mvc, guesses);
		assertThat(count(responses, FAILED)).isEqualTo(20);
		assertThat(count(responses, TOO_MANY)).isEqualTo(80);
	}
}
