package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.unionportal.shared.crypto.PersonalDataCipher;

/**
 * A household's monthly income: the total over all its members, the size of the household, the
 * per-capita figure (rounded half-up to fen) and the threshold it was judged against.
 */
public record Income(int householdSize, BigDecimal monthlyTotal, BigDecimal perCapita, BigDecimal threshold,
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

	/** The income as stored: the amounts encrypted, the threshold and the comparison with it clear. */
	record Sealed(int householdSize, String monthlyTotalCipher, String perCapitaCipher, BigDecimal threshold,
			Integer thresholdYear, Boolean belowThreshold) {
	}

	/** Encrypts the amounts; whether they are below the threshold is kept ({@code null} without a threshold). */
	Sealed seal(PersonalDataCipher cipher) {
		return new Sealed(householdSize, cipher.encrypt(monthlyTotal.toPlainString()),
				cipher.encrypt(perCapita.toPlainString()), threshold, thresholdYear,
				threshold == null ? null : isBelowThreshold());
	}

	/** Below the threshold (when one is known). */
	boolean isBelowThreshold() {
		return threshold != null && perCapita.compareTo(threshold) < 0;
	}
}
