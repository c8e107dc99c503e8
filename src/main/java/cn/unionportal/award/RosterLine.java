package cn.unionportal.award;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A line of the monthly honour allowance roster: who, how much, which months. */
public record RosterLine(long honourId, long memberId, String name, String cardNumber, String organizationName,
		String kindName, YearMonth firstMonth, YearMonth lastMonth, int months, BigDecimal monthly, BigDecimal amount) {
}
