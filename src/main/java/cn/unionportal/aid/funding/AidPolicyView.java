package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The policy page of a year.
 *
 * @param values the values shown (the year's own, or copied from {@code sourceYear} when it has none)
 * @param ownRows whether the year has its own rows
 * @param years the years that have a policy
 * @param editable whether the current user may change the policy
 */
public record AidPolicyView(int year, int sourceYear, Map<AidPolicyKey, BigDecimal> values, boolean ownRows,
		List<Integer> years, boolean editable) {

	public BigDecimal value(AidPolicyKey key) {
		return values.getOrDefault(key, BigDecimal.ZERO);
	}
}
