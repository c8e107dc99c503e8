package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionportal.aid.funding.AidThresholdManagement;
import cn.unionportal.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * A household's income judged against this year's threshold of its organization (issue 9, split
 * from {@code HardshipFileManagement}; used by the application and by later income updates).
 */
@Component
class HouseholdIncomes {

	private final AidThresholdManagement thresholds;

	private final Clock clock;

	HouseholdIncomes(AidThresholdManagement thresholds, Clock clock) {
		this.thresholds = thresholds;
		this.clock = clock;
	}

	/** The income of the household's members (one amount each) against the threshold in force. */
	Income assess(long organizationId, List<BigDecimal> incomes) {
		int year = LocalDate.now(clock).getYear();
		Optional<BigDecimal> threshold = thresholds.monthlyAmount(organizationId, year);
		return Income.of(incomes, threshold.orElse(null), threshold.isPresent() ? year : null);
	}

	/** A required amount of yuan: not negative, at most two decimals (fen). */
	static BigDecimal requireAmount(BigDecimal amount, String field) {
		if (amount == null) {
			throw new RuleViolationException(field, "validation.required");
		}
		if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolationException(field, "aid.file.error.amount");
		}
		return amount;
	}
}
