package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The percentage figures and the two figures each is made of. A percentage is never added up: at
 * every level (and in every row of a breakdown) it is the numerator's sum over the denominator's,
 * so the numbers it is made of add up instead.
 */
final class Ratios {

	/** The membership rate (入会率): members of the unions that recorded their employees / those employees. */
	static final Map<String, String[]> OF = Map.of("membership.rate",
			new String[] { OrganizationSection.MEMBERS_WITH_EMPLOYEES, OrganizationSection.EMPLOYEES });

	private Ratios() {
	}

	/** {@code numerator / denominator} in percent with one decimal; zero when the denominator is. */
	static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
		if (numerator == null || denominator == null || denominator.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
	}

	/** The sums with every percentage figure added, computed from them. */
	static Map<String, BigDecimal> with(Map<String, BigDecimal> sums) {
		if (sums == null) {
			return null;
		}
		Map<String, BigDecimal> all = new HashMap<>(sums);
		OF.forEach((key, parts) -> all.put(key, percent(sums.get(parts[0]), sums.get(parts[1]))));
		return all;
	}

	/**
	 * The derived own figures the percentages need: the members of each organization that recorded
	 * its employees (so members of unions without the number do not inflate the rate).
	 */
	static void derive(OrganizationFigures own) {
		Map<Long, BigDecimal> employees = own.of(OrganizationSection.EMPLOYEES);
		own.of("members.total").forEach((org, members) -> {
			if (employees.containsKey(org)) {
				own.add(OrganizationSection.MEMBERS_WITH_EMPLOYEES, org, members);
			}
		});
	}
}
