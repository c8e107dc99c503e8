package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One step in a case's history: recorded, approved, rejected or a payment.
 *
 * @param comment the decision comment (decisions only)
 * @param paidOn the date of a payment (payments only)
 * @param bankCardMasked the masked card number of a payment, if any
 */
public record AidCaseTimelineEntry(Step step, LocalDateTime at, String actor, BigDecimal amount, String comment,
		LocalDate paidOn, PaymentChannel channel, String bankCardMasked, String payerOrganizationName) {

	/** Kinds of step. */
	public enum Step {
		RECORDED, APPROVED, REJECTED, PAYMENT
	}
}
