package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as entered. The bank card number is masked before it is stored (only the last four
 * digits are kept); the request token is the one-time token of the form.
 */
public record AidPaymentData(LocalDate paidOn, BigDecimal amount, PaymentChannel channel, String bankCard,
		String requestToken) {
}
