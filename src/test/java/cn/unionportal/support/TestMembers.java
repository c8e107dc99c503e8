package cn.unionportal.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registers members through the member pages for tests that need one of their own (issue 9: shared
 * test support). Names get a unique suffix; ID numbers come from {@link IdNumbers}.
 */
public final class TestMembers {

	private static final AtomicLong SEQUENCE = new AtomicLong(40_000);

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	private final Demo demo;

	public TestMembers(MockMvc mvc, JdbcTemplate jdbc, Demo demo) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	/** A registered member: its id, name, ID number and mobile number. */
	public record Registered(long id, String name, String idNumber, String phone, String cardNumber) {
	}

	/** Registers an active member of the organization as the given staff account. */
	public Registered register(long organization, String name, String user) throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String unique = name + n;
		String idNumber = IdNumbers.resident("371081", 1986, n);
		String phone = "1380631" + String.format("%04d", n % 10_000);
		mvc.perform(post("/members").param("name", unique)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", idNumber)
			.param("phone", phone)
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2021-04-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("SELECT id FROM member WHERE name = ?", Long.class, unique);
		String card = jdbc.queryForObject("SELECT card_number FROM member WHERE id = ?", String.class, id);
		return new Registered(id, unique, idNumber, phone, card);
	}
}
