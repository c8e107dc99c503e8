package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.Instant;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.funding.AidBudget;
import cn.unionportal.aid.funding.AidBudgetKey;
import cn.unionportal.aid.funding.AidBudgetRepository;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments on approved aid cases (issue 9, split from {@link AidCaseManagement}): at most what
 * remains of the approved amount, from the budget of the user's organization for the case's year.
 * Optimistic locking on the case and the budget plus the one-time request token make concurrent
 * clicks record one payment. Bank card numbers are kept masked only.
 */
@Service
public class AidCasePayments {

	private final AidCaseRecords records;

	private final AidCaseRepository cases;

	private final AidPaymentRepository payments;

	private final AidBudgetRepository budgets;

	private final ApplicationEventPublisher events;

	AidCasePayments(AidCaseRecords records, AidCaseRepository cases, AidPaymentRepository payments,
			AidBudgetRepository budgets, ApplicationEventPublisher events) {
		this.records = records;
		this.cases = cases;
		this.payments = payments;
		this.budgets = budgets;
		this.events = events;
	}

	/** Whether a payment with this one-time token has been recorded (a form submitted twice). */
	@Transactional(readOnly = true)
	public boolean paymentRecorded(String requestToken) {
		return requestToken != null && payments.existsByRequestToken(requestToken);
	}

	/**
	 * Records a payment. @return {@code false} when a payment with the same request token was
	 * already recorded (the form was submitted twice), {@code true} otherwise
	 */
	@Transactional
	public boolean pay(CurrentUser user, long id, AidPaymentData data) {
		AidCase aidCase = records.load(user, id);
		String token = data.requestToken() == null ? "" : data.requestToken().strip();
		if (token.isEmpty() || token.length() > 64) {
			throw new RuleViolationException(null, "aid.payment.error.token");
		}
		if (payments.existsByRequestToken(token)) {
			return false;
		}
		if (aidCase.getStatus() != CaseStatus.APPROVED) {
			throw new RuleViolationException(null, "aid.payment.error.notApproved");
		}
		if (data.paidOn() == null) {
			throw new RuleViolationException("paidOn", "validation.required");
		}
		if (data.paidOn().isAfter(records.today())) {
			throw new RuleViolationException("paidOn", "validation.date.notFuture");
		}
		if (data.amount() == null) {
			throw new RuleViolationException("amount", "validation.required");
		}
		BigDecimal amount = AidCaseRecords.checkAmount("amount", data.amount());
		if (amount.signum() <= 0) {
			throw new RuleViolationException("amount", "aid.payment.error.amount");
		}
		if (amount.compareTo(aidCase.payable()) > 0) {
			throw new RuleViolationException("amount", "aid.payment.error.exceedsApproved",
					AidAmountRules.plain(aidCase.payable()));
		}
		if (data.channel() == null) {
			throw new RuleViolationException("channel", "validation.required");
		}
		String card = maskedCard(data.channel(), data.bankCard());
		long payer = user.organizationId();
		AidBudget budget = budgets.findById(new AidBudgetKey(payer, aidCase.getYear()))
			.orElseThrow(() -> new RuleViolationException("amount", "aid.payment.error.noBudget",
					String.valueOf(aidCase.getYear())));
		if (amount.compareTo(budget.remaining()) > 0) {
			throw new RuleViolationException("amount", "aid.payment.error.budgetExceeded",
					String.valueOf(aidCase.getYear()), AidAmountRules.plain(budget.remaining()));
		}
		Instant now = records.now();
		try {
			payments.saveAndFlush(new AidPayment(id, payer, data.paidOn(), amount, data.channel(), card, token,
					user.username(), now));
		}
		catch (DataIntegrityViolationException sameToken) {
			throw new ConflictException("payment " + token + " submitted twice");
		}
		aidCase.pay(amount);
		budget.spend(amount, user.username(), now);
		cases.saveAndFlush(aidCase);
		budgets.saveAndFlush(budget);
		records.audit(user, "AID_PAYMENT_RECORDED", aidCase,
				"amount=" + amount + "; paidOn=" + data.paidOn() + "; channel=" + data.channel() + "; payer="
						+ payer + "; paid " + aidCase.getPaidAmount() + " of " + aidCase.getApprovedAmount());
		events.publishEvent(new AidEvents.AidPaymentRecorded(id, aidCase.getMemberId(), amount, data.paidOn(),
				aidCase.getKind(), aidCase.getOrganizationId(), aidCase.getYear()));
		return true;
	}

	private static String maskedCard(PaymentChannel channel, String bankCard) {
		String digits = bankCard == null ? "" : bankCard.replace(" ", "").replace("-", "");
		if (digits.isEmpty()) {
			if (channel == PaymentChannel.BANK_TRANSFER) {
				throw new RuleViolationException("bankCard", "aid.payment.error.bankCardRequired");
			}
			return null;
		}
		if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
			throw new RuleViolationException("bankCard", "aid.payment.error.bankCard");
		}
		return Masking.bankCard(digits);
	}
}
