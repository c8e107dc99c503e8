package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.unionportal.aid.cases.AidPaymentData;
import cn.unionportal.aid.cases.PaymentChannel;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Recording a payment. The request token is a one-time UUID issued with the form: submitting the
 * same form twice records one payment. The bank card number is never shown back. Whether the date
 * lies in the future is checked by the service with the portal's clock (Asia/Shanghai), not here.
 */
record AidPaymentForm(
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
		@NotNull(message = "{validation.required}") @Positive(message = "{aid.payment.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.payment.error.amount}") BigDecimal amount,
		@NotNull(message = "{validation.required}") PaymentChannel channel,
		@Size(max = 30, message = "{validation.size.max}") String bankCard, String requestToken) {

	AidPaymentData data() {
		return new AidPaymentData(paidOn, amount, channel, bankCard, requestToken);
	}
}
