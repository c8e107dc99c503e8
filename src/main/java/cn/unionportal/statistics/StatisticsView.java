package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the statistics pages show (records only; built by {@link StatisticsManagement}). */
public final class StatisticsView {

	private StatisticsView() {
	}

	/** The freeze state of a year; {@code changedBy} null when it was never frozen. */
	public record Freeze(int year, boolean frozen, String changedBy, Instant changedAt) {
	}

	/**
	 * One figure: this year's value, last year's and the change, today's live value beside a frozen
	 * one when they differ (else null), and the five-year trend of a headline (oldest first).
	 */
	public record Line(Figure figure, BigDecimal value, BigDecimal previous, BigDecimal live, List<BigDecimal> trend) {

		public BigDecimal change() {
			return value.subtract(previous);
		}
	}

	public record Section(String key, List<Line> lines) {
	}

	/** {@code asOf}: when the stored figures of the year were last refreshed. */
	public record Report(long organizationId, String organizationName, int year, Freeze freeze, List<Section> sections,
			List<Integer> trendYears, StatisticsPeriod period, Instant asOf) {

		public List<Line> headlines() {
			return sections.stream().flatMap(s -> s.lines().stream()).filter(l -> l.figure().headline()).toList();
		}
	}

	/** A row of a breakdown: a child of the organization (or its own records) and its values. */
	public record Row(long organizationId, String name, boolean own, BigDecimal value, BigDecimal previous,
			String recordsLink) {
	}

	public record Breakdown(Figure figure, String section, long organizationId, String organizationName, int year,
			List<Row> rows, BigDecimal total, BigDecimal previousTotal, Freeze freeze) {
	}
}
