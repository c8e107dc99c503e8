package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What staff record when a household applies: the worker's own monthly income and the relatives
 * living with them.
 */
public record FileApplication(long memberId, HardshipTier tier, Set<HardshipCause> causes, String situation,
		BigDecimal workerIncome, List<Relative> relatives) {

	/** A relative in the household. */
	public record Relative(String name, String relation, Integer age, String health, String schooling,
			BigDecimal income) {
	}
}
