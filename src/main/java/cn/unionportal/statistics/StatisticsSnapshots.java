package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.statistics.StatisticsView.Freeze;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics module's own tables (V23_1): the freeze state of a year, the frozen figures of
 * every organization, and the figures chosen for the public page.
 */
@Component
class StatisticsSnapshots {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	StatisticsSnapshots(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	Freeze freezeOf(int year) {
		return jdbc.sql("SELECT frozen, changed_by, changed_at FROM statistics_freeze WHERE stat_year = :year")
			.param("year", year)
			.query((rs, i) -> new Freeze(year, rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(new Freeze(year, false, null, null));
	}

	boolean isFrozen(int year) {
		return freezeOf(year).frozen();
	}

	List<Integer> frozenYears() {
		return jdbc.sql("SELECT stat_year FROM statistics_freeze WHERE frozen = TRUE ORDER BY stat_year DESC")
			.query(Integer.class)
			.list();
	}

	/** The frozen figures of the organizations in the subtree of {@code top}. */
	OrganizationFigures read(long top, int year) {
		OrganizationFigures figures = new OrganizationFigures();
		ScopedQuery rows = ScopedQuery.from("statistics_snapshot s", "s.organization_id", top)
			.and("s.stat_year = :year", "year", year);
		jdbc.sql("SELECT s.figure_key, s.organization_id, s.figure_value" + rows.fromWhere())
			.params(rows.params())
			.query((rs, i) -> figures.add(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		return figures;
	}

	/** The federation's (or any organization's) frozen subtree sums of a year: key → value. */
	Map<String, BigDecimal> totals(long organizationId, int year) {
		Map<String, BigDecimal> totals = new java.util.HashMap<>();
		jdbc.sql("SELECT figure_key, subtree_value FROM statistics_snapshot_total WHERE organization_id = :org AND stat_year = :year")
			.param("org", organizationId)
			.param("year", year)
			.query((rs, i) -> totals.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return totals;
	}

	/**
	 * Replaces the year's snapshot with these own figures and their subtree sums, and marks the
	 * year frozen.
	 */
	void write(int year, OrganizationFigures figures, Map<String, Map<Long, BigDecimal>> sums, int startMonth, String by,
			java.time.Instant at) {
		deleteFigures(year);
		List<Object[]> batch = new ArrayList<>();
		for (String key : figures.keys()) {
			for (Map.Entry<Long, BigDecimal> value : figures.of(key).entrySet()) {
				batch.add(new Object[] { year, key, value.getKey(), value.getValue() });
			}
		}
		if (!batch.isEmpty()) {
			template.batchUpdate(
					"INSERT INTO statistics_snapshot (stat_year, figure_key, organization_id, figure_value) VALUES (?, ?, ?, ?)",
					batch);
		}
		List<Object[]> totals = new ArrayList<>();
		sums.forEach((key, byOrg) -> byOrg.forEach((org, sum) -> totals.add(new Object[] { year, key, org, sum })));
		for (int i = 0; i < totals.size(); i += 1000) {
			template.batchUpdate("""
					INSERT INTO statistics_snapshot_total (stat_year, figure_key, organization_id, subtree_value)
					VALUES (?, ?, ?, ?)""", totals.subList(i, Math.min(totals.size(), i + 1000)));
		}
		state(year, true, startMonth, by, at);
	}

	private void deleteFigures(int year) {
		jdbc.sql("DELETE FROM statistics_snapshot WHERE stat_year = :year").param("year", year).update();
		jdbc.sql("DELETE FROM statistics_snapshot_total WHERE stat_year = :year").param("year", year).update();
	}

	void clear(int year, int startMonth, String by, java.time.Instant at) {
		deleteFigures(year);
		jdbc.sql("DELETE FROM statistics_publication WHERE stat_year = :year").param("year", year).update();
		state(year, false, startMonth, by, at);
	}

	private void state(int year, boolean frozen, int startMonth, String by, java.time.Instant at) {
		int updated = jdbc.sql("""
				UPDATE statistics_freeze SET frozen = :frozen, start_month = :month, changed_by = :by, changed_at = :at,
				version = version + 1 WHERE stat_year = :year""")
			.param("frozen", frozen)
			.param("month", startMonth)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("year", year)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO statistics_freeze (stat_year, frozen, start_month, changed_by, changed_at)
					VALUES (:year, :frozen, :month, :by, :at)""")
				.param("frozen", frozen)
				.param("month", startMonth)
				.param("by", by)
				.param("at", Timestamp.from(at))
				.param("year", year)
				.update();
		}
	}

	List<String> published(int year) {
		return jdbc.sql("SELECT figure_key FROM statistics_publication WHERE stat_year = :year ORDER BY figure_key")
			.param("year", year)
			.query(String.class)
			.list();
	}

	void publish(int year, List<String> keys, String by, java.time.Instant at) {
		jdbc.sql("DELETE FROM statistics_publication WHERE stat_year = :year").param("year", year).update();
		for (String key : keys) {
			jdbc.sql("""
					INSERT INTO statistics_publication (stat_year, figure_key, published_by, published_at)
					VALUES (:year, :key, :by, :at)""")
				.param("year", year)
				.param("key", key)
				.param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	Optional<Integer> latestPublishedYear() {
		return jdbc.sql("""
				SELECT MAX(p.stat_year) FROM statistics_publication p
				JOIN statistics_freeze f ON f.stat_year = p.stat_year AND f.frozen = TRUE""")
			.query(Integer.class)
			.optional();
	}
}
