package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidKind;

import java.util.Map;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Payments through the detail page: only on approved cases, never beyond the approved amount,
 * never beyond the paying organization's budget (the refusal shows what remains), the bank card
 * stored masked, a form sent twice counted once, everything in the audit trail.
 */
@Transactional
@RecordApplicationEvents
class AidPaymentTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEvents published;

	AidCaseFixtures aid;

	String wendeng2;

	int year;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
		wendeng2 = aid.account("aid-wendeng2", aid.wendengDistrict(), StaffRole.ORG_ADMIN);
		year = aid.currentYear();
		jdbc.update("DELETE FROM aid_budget WHERE organization_id = ? AND aid_year = ?", aid.wendengDistrict(), year);
	}

	private long approvedCase(String amount) throws Exception {
		long member = aid.member(aid.wendengUnion(), "发放", "wendeng");
		long id = aid.otherCase(member, amount, "wendeng");
		aid.approve(id, wendeng2);
		return id;
	}

	private Map<String, Object> budgetRow() {
		return jdbc.queryForMap("SELECT * FROM aid_budget WHERE organization_id = ? AND aid_year = ?",
				aid.wendengDistrict(), year);
	}

	@Test
	void aPaymentInFullMarksTheCasePaidDrawsOnTheBudgetAndKeepsOnlyTheMaskedCard() throws Exception {
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("7874");
		mvc.perform(aid.payment(id, "7874", "token-full-" + id, "wendeng"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "aid.payment.recorded"));

		Map<String, Object> payment = jdbc.queryForMap("SELECT * FROM aid_payment WHERE case_id = ?", id);
		assertThat(payment.get("bank_card_masked")).isEqualTo("***************0123");
		assertThat(payment.get("payer_organization_id")).isEqualTo(aid.wendengDistrict());
		Map<String, Object> paidCase = jdbc.queryForMap("SELECT * FROM aid_case WHERE id = ?", id);
		assertThat(published.stream(AidEvents.AidPaymentRecorded.class)).containsExactly(new AidEvents.AidPaymentRecorded(
				id, ((Number) paidCase.get("member_id")).longValue(), new java.math.BigDecimal("7874.00"),
				((java.sql.Date) payment.get("paid_on")).toLocalDate(), AidKind.valueOf((String) paidCase.get("kind")),
				((Number) paidCase.get("organization_id")).longValue(), year));
		assertThat(jdbc.queryForMap("SELECT * FROM aid_case WHERE id = ?", id))
			.containsEntry("status", "PAID");
		assertThat(budgetRow().get("spent").toString()).isEqualTo("7874.00");
		String audit = jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE subject_id = ? AND action = 'AID_PAYMENT_RECORDED'", String.class, id);
		assertThat(audit).contains("amount=7874.00").doesNotContain("0123").doesNotContain("6222");
		String page = aid.body(get("/aid/cases/{id}", id).with(demo.as("wendeng")), 200);
		assertThat(page).contains("***************0123").doesNotContain("6222021234567890123").contains("已发放");
	}

	@Test
	void neverBeyondTheApprovedAmount() throws Exception {
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("3000");
		mvc.perform(aid.payment(id, "1000", "token-a-" + id, "wendeng")).andExpect(status().is3xxRedirection());
		assertThat(aid.body(aid.payment(id, "2500", "token-b-" + id, "wendeng"), 200))
			.contains("超过批准金额，尚可发放 2000 元");
		mvc.perform(aid.payment(id, "2000", "token-c-" + id, "wendeng")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT status FROM aid_case WHERE id = ?", String.class, id)).isEqualTo("PAID");
		assertThat(aid.body(aid.payment(id, "1", "token-d-" + id, "wendeng"), 200))
			.contains("只有已批准且未发放完的事项才能登记发放");
		assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM aid_payment WHERE case_id = ?",
				java.math.BigDecimal.class, id)).isEqualByComparingTo("3000");
	}

	@Test
	void aCaseWaitingForApprovalIsNotPaid() throws Exception {
		aid.budget(aid.wendengDistrict(), year, "100000");
		long member = aid.member(aid.wendengUnion(), "未批", "wendeng");
		long id = aid.otherCase(member, "500", "wendeng");
		assertThat(aid.body(aid.payment(id, "500", "token-r-" + id, "wendeng"), 200))
			.contains("只有已批准且未发放完的事项才能登记发放");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", Long.class, id)).isZero();
	}

	@Test
	void aPaymentAboveTheBudgetIsRefusedWithTheRemainingBalance() throws Exception {
		long id = approvedCase("5000");
		assertThat(aid.body(aid.payment(id, "5000", "token-n-" + id, "wendeng"), 200))
			.contains("本单位没有 " + year + " 年帮扶预算");

		aid.budget(aid.wendengDistrict(), year, "3000");
		assertThat(aid.body(aid.payment(id, "5000", "token-x-" + id, "wendeng"), 200))
			.contains("超出本单位 " + year + " 年帮扶预算，预算余额 3000 元");
		mvc.perform(aid.payment(id, "3000", "token-y-" + id, "wendeng")).andExpect(status().is3xxRedirection());
		assertThat(aid.body(aid.payment(id, "1", "token-z-" + id, "wendeng"), 200)).contains("预算余额 0 元");
		assertThat(budgetRow().get("spent").toString()).isEqualTo("3000.00");
		assertThat(jdbc.queryForObject("SELECT status FROM aid_case WHERE id = ?", String.class, id))
			.isEqualTo("APPROVED");
	}

	@Test
	void theSameFormSentTwiceRecordsOnePayment() throws Exception {
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("3000");
		mvc.perform(aid.payment(id, "1000", "token-twice-" + id, "wendeng")).andExpect(status().is3xxRedirection());
		mvc.perform(aid.payment(id, "1000", "token-twice-" + id, "wendeng"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "aid.payment.alreadyRecorded"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_payment WHERE case_id = ?", Long.class, id))
			.isEqualTo(1);
	}

	@Test
	void aBankTransferNeedsAValidCardNumber() throws Exception {
		aid.budget(aid.wendengDistrict(), year, "100000");
		long id = approvedCase("1000");
		assertThat(aid.body(aid.payment(id, "1000", "token-card-" + id, "wendeng", "BANK_TRANSFER", "12345"), 200))
			.contains("银行卡号应为 12 至 19 位数字").doesNotContain("value=\"12345\"");
		assertThat(aid.body(aid.payment(id, "1000", "token-card2-" + id, "wendeng", "BANK_TRANSFER", ""), 200))
			.contains("银行转账须填写银行卡号");
		mvc.perform(aid.payment(id, "1000", "token-cash-" + id, "wendeng", "CASH", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT bank_card_masked FROM aid_payment WHERE case_id = ?", String.class, id))
			.isNull();
	}
}
