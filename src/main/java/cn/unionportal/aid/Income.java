package cn.unionportal.aid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A household's monthly income: the total over all its members, the size of the household, the
 * per-capita figure (rounded half-up to fen) and the threshold it was judged against.
 */
record Income(int householdSize, BigDecimal monthlyTotal, BigDecimal perCapita, BigDecimal threshold,
		Integer thresholdYear) {

	static Income of(List<BigDecimal> memberIncomes, BigDecimal threshold, Integer thresholdYear) {
		BigDecimal total = memberIncomes.stream()
			.map(income -> income == null ? BigDecimal.ZERO : income)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, RoundingMode.HALF_UP);
		int size = Math.max(memberIncomes.size(), 1);
		BigDecimal perCapita = total.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
		return new Income(size, total, perCapita, threshold, thresholdYear);
	}

	/** Below the threshold (when one is known). */
	boolean isBelowThreshold() {
		return threshold != null && perCapita.compareTo(threshold) < 0;
	}
}
