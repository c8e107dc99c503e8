package cn.unionportal.statistics;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code portal.statistics.year-start-month}: 1 (default) for the calendar year, 10 for the
 * national form's statistical year (1 October to 30 September, named by the year it ends in).
 */
@Component
class StatisticsSettings {

	private final int startMonth;

	private final Clock clock;

	StatisticsSettings(@Value("${portal.statistics.year-start-month:1}") int startMonth, Clock clock) {
		if (startMonth < 1 || startMonth > 12) {
			throw new IllegalArgumentException("portal.statistics.year-start-month must be 1..12");
		}
		this.startMonth = startMonth;
		this.clock = clock;
	}

	StatisticsPeriod period(int year) {
		return StatisticsPeriod.of(year, startMonth, clock.getZone());
	}

	int startMonth() {
		return startMonth;
	}

	java.time.Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The reference year shown by default: the one today falls in. */
	int currentYear() {
		LocalDate today = today();
		return startMonth > 1 && today.getMonthValue() >= startMonth ? today.getYear() + 1 : today.getYear();
	}
}
