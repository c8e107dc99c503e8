package cn.unionportal.aid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.Concurrently;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double clicks and two staff at once, with real concurrent requests (not transactional: every
 * request commits). Each test moves its cases to a year of its own (20xx in the far future) with
 * a budget of its own, so the tests do not share budget rows with anyone.
 */
class AidPaymentConcurrencyTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	AidCaseFixtures aid;

	String approver;

	String cashier;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
		approver = aid.account("aid-conc-approver", aid.wendengDistrict(), StaffRole.ORG_ADMIN);
		cashier = aid.account("aid-conc-cashier", aid.wendengDistrict(), StaffRole.STAFF);
	}

	/** An approved case of the year, paid from the Wendeng district federation's budget. */
	private long approvedCase(String amount, int year) throws Exception {
		long member = aid.member(aid.wendengUnion(), "并发发放", "wendeng");
		long id = aid.otherCase(member, amount, "wendeng");
		jdbc.update("UPDATE aid_case SET aid_year = ? WHERE id = ?", year, id);
		aid.approve(id, approver);
		return id;
	}

	private List<Integer> concurrently(List<MockHttpServletRequestBuilder> requests) throws Exception {
		return Concurrently.statuses(mvc, requests);
	}

	private BigDecimal spent(int year) {
		return jdbc.queryForObject("SELECT spent FROM aid_budget WHERE organization_id = ? AND aid_year = ?",
				BigDecimal.class, aid.wendengDistrict(), year);
	}

	@Test
	void theSameFormSubmittedSixTimesAtOnceRecordsOnePayment() throws Exception {
		int year = 2091;
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("1000", year);
		List<MockHttpServletRequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			clicks.add(aid.payment(id, "400", "token-double-click-" + id, "wendeng"));
		}
		List<Integer> statuses = concurrently(clicks);
		assertThat(statuses).containsOnly(302);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", Long.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT paid_amount FROM aid_case WHERE id = ?", BigDecimal.class, id))
			.isEqualByComparingTo("400");
		assertThat(spent(year)).isEqualByComparingTo("400");
	}

	@Test
	void twoStaffPayingTheLastOfTheApprovedAmountAtOnceRecordOnePayment() throws Exception {
		int year = 2092;
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("1000", year);
		List<Integer> statuses = concurrently(List.of(aid.payment(id, "1000", "token-staff-1-" + id, "wendeng"),
				aid.payment(id, "1000", "token-staff-2-" + id, cashier)));
		assertThat(statuses.stream().filter(s -> s == 302)).hasSize(1);
		assertThat(statuses).allMatch(s -> s == 302 || s == 200 || s == 409);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", Long.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT paid_amount FROM aid_case WHERE id = ?", BigDecimal.class, id))
			.isEqualByComparingTo("1000");
		assertThat(spent(year)).isEqualByComparingTo("1000");
	}

	@Test
	void twoPaymentsRacingForTheLastOfTheBudgetRecordOnlyOne() throws Exception {
		int year = 2093;
		aid.budget(aid.wendengDistrict(), year, "1000");
		long first = approvedCase("600", year);
		long second = approvedCase("600", year);
		List<Integer> statuses = concurrently(List.of(aid.payment(first, "600", "token-budget-" + first, "wendeng"),
				aid.payment(second, "600", "token-budget-" + second, cashier)));
		assertThat(statuses.stream().filter(s -> s == 302)).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id IN (?, ?)", Long.class, first,
				second)).isEqualTo(1);
		assertThat(spent(year)).isEqualByComparingTo("600");
	}
}
