package cn.unionportal.aid;

import cn.unionportal.support.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.Demo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the aid case tests set up through the pages (members, cases, decisions) or, for what other
 * engineers' pages own, directly in the database (household files, budgets).
 */
final class AidCaseFixtures {

	/** Distinct valid ID numbers for all aid case tests (region 371083, born 1977). */
	private static final AtomicLong SEQUENCE = new AtomicLong(0);

	private static final AtomicLong NAMES = new AtomicLong(0);

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	private final Demo demo;

	private final AccountManagement accounts;

	AidCaseFixtures(MockMvc mvc, JdbcTemplate jdbc, Demo demo, AccountManagement accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.demo = demo;
		this.accounts = accounts;
	}

	long wendengUnion() {
		return demo.org("大明国际控股有限公司威海分公司工会");
	}

	long huancuiUnion() {
		return demo.org("威海恒科精工有限公司工会");
	}

	long wendengDistrict() {
		return demo.org("文登区总工会");
	}

	long root() {
		return demo.org("威海市总工会");
	}

	static String newIdNumber() {
		long n = SEQUENCE.incrementAndGet();
		return IdNumbers.resident("371083", 1977, n);
	}

	/** Registers a member through the member pages; the name gets a unique suffix. */
	long member(long organization, String name, String user) throws Exception {
		String unique = name + NAMES.incrementAndGet();
		mvc.perform(post("/members").param("name", unique)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", newIdNumber())
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2020-03-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT id FROM member WHERE name = ?", Long.class, unique);
	}

	/** A household file in the given state (the file lifecycle is another engineer's; inserted directly). */
	long file(long memberId, String status, String tier, LocalDate supportUntil) {
		long organization = jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, memberId);
		boolean ended = status.equals("CLOSED") || status.equals("REJECTED");
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size,
				  applied_by, applied_at, filed_on, closed_on, support_until,
				  lookup_code, open_member_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ILLNESS', 3, 'test', CURRENT_TIMESTAMP, CURRENT_DATE, ?, ?, NULL, ?,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""", memberId, organization, status, tier, ended ? java.sql.Date.valueOf(LocalDate.now().minusMonths(1)) : null,
				supportUntil == null ? null : java.sql.Date.valueOf(supportUntil), ended ? null : memberId);
		return jdbc.queryForObject("SELECT MAX(id) FROM hardship_file WHERE member_id = ?", Long.class, memberId);
	}

	/** An account (created once per database, or once per test transaction). */
	String account(String username, long organization, StaffRole role) {
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM staff_account WHERE username = ?", Long.class,
				username);
		if (existing == 0) {
			accounts.createInitialAccount(username, username, organization, Set.of(role), Demo.PASSWORD, false);
		}
		return username;
	}

	/** The form of a case of the given kind, ready for more parameters. */
	MockHttpServletRequestBuilder recordRequest(String kind, long memberId, Long fileId, String user) {
		MockHttpServletRequestBuilder request = post("/aid/cases").param("kind", kind)
			.param("memberId", String.valueOf(memberId))
			.with(csrf())
			.with(demo.as(user));
		if (fileId != null) {
			request.param("fileId", String.valueOf(fileId));
		}
		return request;
	}

	/** Records a case and answers its id. */
	long record(MockHttpServletRequestBuilder request) throws Exception {
		String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** A standalone OTHER case for the amount (an override with a reason). */
	long otherCase(long memberId, String amount, String user) throws Exception {
		return record(recordRequest("OTHER", memberId, null, user).param("details", "突发困难")
			.param("requestedAmount", amount)
			.param("overrideReason", "临时救助"));
	}

	long version(long caseId) {
		return jdbc.queryForObject("SELECT version FROM aid_case WHERE id = ?", Long.class, caseId);
	}

	MockHttpServletRequestBuilder decide(long caseId, String action, String comment, String user) {
		return post("/aid/cases/{id}/" + action, caseId).param("comment", comment)
			.param("version", String.valueOf(version(caseId)))
			.with(csrf())
			.with(demo.as(user));
	}

	void approve(long caseId, String user) throws Exception {
		mvc.perform(decide(caseId, "approve", "同意", user)).andExpect(status().is3xxRedirection());
	}

	void budget(long organization, int year, String amount) {
		jdbc.update("""
				INSERT INTO aid_budget (organization_id, aid_year, amount, spent, version, updated_by, updated_at)
				VALUES (?, ?, ?, 0, 0, 'test', CURRENT_TIMESTAMP)
				""", organization, year, new java.math.BigDecimal(amount));
	}

	MockHttpServletRequestBuilder payment(long caseId, String amount, String token, String user) {
		return payment(caseId, amount, token, user, "BANK_TRANSFER", "6222 0212 3456 7890 123");
	}

	MockHttpServletRequestBuilder payment(long caseId, String amount, String token, String user, String channel,
			String bankCard) {
		return post("/aid/cases/{id}/payments", caseId).param("paidOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
			.param("amount", amount)
			.param("channel", channel)
			.param("bankCard", bankCard)
			.param("requestToken", token)
			.with(csrf())
			.with(demo.as(user));
	}

	String body(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	int currentYear() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
	}
}
