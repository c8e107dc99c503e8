package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An organization's budget for a year: amount, spent, what remains. */
public record AidBudgetView(long organizationId, String organizationName, int year, BigDecimal amount,
		BigDecimal spent, long version, String updatedBy, LocalDateTime updatedAt) {

	public BigDecimal remaining() {
		return amount.subtract(spent);
	}
}
