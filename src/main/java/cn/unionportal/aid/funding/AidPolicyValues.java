package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The policy that applies to a year: the values of {@code sourceYear}, which is the year itself
 * or, when administrators have not set that year yet, the latest earlier year (the earliest year
 * for a year before any policy).
 *
 * @param year the year asked for
 * @param sourceYear the year whose rows the values come from
 */
public record AidPolicyValues(int year, int sourceYear, Map<AidPolicyKey, BigDecimal> values) {

	public AidPolicyValues {
		values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
	}

	/** The value of a rule; a rule missing from the table counts as zero. */
	public BigDecimal get(AidPolicyKey key) {
		return values.getOrDefault(key, BigDecimal.ZERO);
	}

	/** Whether the values were copied from another year. */
	public boolean isInherited() {
		return year != sourceYear;
	}
}
