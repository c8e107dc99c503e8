package cn.unionportal.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

/**
 * A reference year: the calendar year by default, or the national form's statistical year
 * (1 October of the year before to 30 September) when {@code portal.statistics.year-start-month}
 * is 10. {@code start} and {@code end} are inclusive days.
 */
public record StatisticsPeriod(int year, LocalDate start, LocalDate end, ZoneId zone) {

	public static StatisticsPeriod of(int year, int startMonth, ZoneId zone) {
		LocalDate start = startMonth == 1 ? LocalDate.of(year, 1, 1) : LocalDate.of(year - 1, startMonth, 1);
		return new StatisticsPeriod(year, start, start.plusYears(1).minusDays(1), zone);
	}

	/** The first instant of the period, for timestamp columns. */
	public Instant startInstant() {
		return start.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the period, for timestamp columns ({@code < endExclusive}). */
	public Instant endExclusive() {
		return end.plusDays(1).atStartOfDay(zone).toInstant();
	}

	public StatisticsPeriod previous() {
		return new StatisticsPeriod(year - 1, start.minusYears(1), start.minusDays(1), zone);
	}
}
