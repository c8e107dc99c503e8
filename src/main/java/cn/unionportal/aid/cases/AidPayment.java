package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Money paid on an approved case, from the budget of the paying organization. Only the masked bank
 * card number is stored. The one-time request token of the form is unique, so a form submitted
 * twice records one payment.
 */
@Entity
@Table(name = "aid_payment")
public class AidPayment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private long caseId;

	@Column(name = "payer_organization_id", nullable = false, updatable = false)
	private long payerOrganizationId;

	@Column(name = "paid_on", nullable = false, updatable = false)
	private LocalDate paidOn;

	@Column(nullable = false, precision = 12, scale = 2, updatable = false)
	private BigDecimal amount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20, updatable = false)
	private PaymentChannel channel;

	@Column(name = "bank_card_masked", length = 40, updatable = false)
	private String bankCardMasked;

	@Column(name = "request_token", nullable = false, length = 64, updatable = false)
	private String requestToken;

	@Column(name = "recorded_by", nullable = false, length = 50, updatable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	protected AidPayment() {
	}

	AidPayment(long caseId, long payerOrganizationId, LocalDate paidOn, BigDecimal amount, PaymentChannel channel,
			String bankCardMasked, String requestToken, String recordedBy, Instant now) {
		this.caseId = caseId;
		this.payerOrganizationId = payerOrganizationId;
		this.paidOn = paidOn;
		this.amount = amount;
		this.channel = channel;
		this.bankCardMasked = bankCardMasked;
		this.requestToken = requestToken;
		this.recordedBy = recordedBy;
		this.recordedAt = now;
	}

	Long getId() {
		return id;
	}

	long getCaseId() {
		return caseId;
	}

	long getPayerOrganizationId() {
		return payerOrganizationId;
	}

	LocalDate getPaidOn() {
		return paidOn;
	}

	BigDecimal getAmount() {
		return amount;
	}

	PaymentChannel getChannel() {
		return channel;
	}

	String getBankCardMasked() {
		return bankCardMasked;
	}

	String getRecordedBy() {
		return recordedBy;
	}

	Instant getRecordedAt() {
		return recordedAt;
	}
}
