package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The materialized figures (V27): each organization's own figure of a year and the sum over its
 * subtree, the years materialized with the time of their last refresh, and the dirty marks that
 * module events leave for the next refresh. Pages read sums of one organization (a report) or of
 * the children of one (a breakdown): a few hundred rows whatever the size of the subtree.
 */
@Component
class StatisticsStore {

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	StatisticsStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The years materialized for this start month, with the time each was last refreshed. */
	Map<Integer, Instant> refreshed(int startMonth) {
		Map<Integer, Instant> years = new HashMap<>();
		jdbc.sql("SELECT stat_year, refreshed_at FROM statistics_refresh WHERE start_month = :month")
			.param("month", startMonth)
			.query((rs, i) -> years.put(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.list();
		return years;
	}

	/** The subtree sums of one organization for the years {@code from}..{@code to}: year → key → value. */
	Map<Integer, Map<String, BigDecimal>> totals(long organizationId, int from, int to) {
		return totals("statistics_figure", organizationId, from, to);
	}

	/** The subtree sums of a frozen year's snapshot, same shape as {@link #totals(long, int, int)}. */
	Map<Integer, Map<String, BigDecimal>> frozenTotals(long organizationId, int from, int to) {
		return totals("statistics_snapshot_total", organizationId, from, to);
	}

	private Map<Integer, Map<String, BigDecimal>> totals(String table, long organizationId, int from, int to) {
		Map<Integer, Map<String, BigDecimal>> totals = new HashMap<>();
		jdbc.sql("SELECT stat_year, figure_key, subtree_value FROM " + table
				+ " WHERE organization_id = :org AND stat_year BETWEEN :from AND :to")
			.param("org", organizationId)
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> totals.computeIfAbsent(rs.getInt(1), y -> new HashMap<>()).put(rs.getString(2),
					rs.getBigDecimal(3)))
			.list();
		return totals;
	}

	/** One figure's subtree sums of these organizations in a year (materialized or frozen). */
	Map<Long, BigDecimal> totalsOf(Collection<Long> organizations, int year, String key, boolean frozen) {
		Map<Long, BigDecimal> values = new HashMap<>();
		if (organizations.isEmpty()) {
			return values;
		}
		jdbc.sql("SELECT organization_id, subtree_value FROM " + (frozen ? "statistics_snapshot_total" : "statistics_figure")
				+ " WHERE stat_year = :year AND figure_key = :key AND organization_id IN (:orgs)")
			.param("year", year)
			.param("key", key)
			.param("orgs", organizations)
			.query((rs, i) -> values.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return values;
	}

	/** One organization's own figure in a year (materialized or frozen). */
	BigDecimal ownValue(long organizationId, int year, String key, boolean frozen) {
		String sql = frozen
				? "SELECT figure_value FROM statistics_snapshot WHERE organization_id = :org AND stat_year = :year AND figure_key = :key"
				: "SELECT own_value FROM statistics_figure WHERE organization_id = :org AND stat_year = :year AND figure_key = :key";
		return jdbc.sql(sql)
			.param("org", organizationId)
			.param("year", year)
			.param("key", key)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	/** One organization's own figures of a year: key → value. */
	Map<String, BigDecimal> own(long organizationId, int year) {
		Map<String, BigDecimal> own = new HashMap<>();
		jdbc.sql("SELECT figure_key, own_value FROM statistics_figure WHERE organization_id = :org AND stat_year = :year")
			.param("org", organizationId)
			.param("year", year)
			.query((rs, i) -> own.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return own;
	}

	/**
	 * Replaces a year's figures: own values and their sums up the tree (both by key, organization).
	 * The year's refresh row is written first: its row lock queues a second replacement of the same
	 * year (a page materializing it while the scheduler does) until this one commits, so that one's
	 * delete sees these rows. Two first materializations at once: the second fails on the refresh
	 * row's key, and its caller reads the first one's time.
	 */
	void replaceYear(int year, int startMonth, OrganizationFigures own, Map<String, Map<Long, BigDecimal>> subtree,
			Instant at) {
		markRefreshed(year, startMonth, at);
		jdbc.sql("DELETE FROM statistics_figure WHERE stat_year = :year").param("year", year).update();
		List<Object[]> rows = new ArrayList<>();
		subtree.forEach((key, byOrg) -> byOrg.forEach((org, sum) -> {
			BigDecimal mine = own.of(key).getOrDefault(org, BigDecimal.ZERO);
			rows.add(new Object[] { org, year, key, mine, sum });
		}));
		for (int i = 0; i < rows.size(); i += BATCH) {
			template.batchUpdate("""
					INSERT INTO statistics_figure (organization_id, stat_year, figure_key, own_value, subtree_value)
					VALUES (?, ?, ?, ?, ?)""", rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
	}

	/**
	 * Sets one organization's own figures of a year to {@code now} and moves the sums of it and its
	 * ancestors by the difference.
	 */
	void replaceOwn(int year, long organizationId, List<Long> ancestors, Map<String, BigDecimal> now) {
		Map<String, BigDecimal> before = own(organizationId, year);
		Map<String, BigDecimal> delta = new HashMap<>();
		now.forEach((key, value) -> delta.merge(key, value, BigDecimal::add));
		before.forEach((key, value) -> delta.merge(key, value.negate(), BigDecimal::add));
		delta.values().removeIf(d -> d.signum() == 0);
		for (Map.Entry<String, BigDecimal> change : delta.entrySet()) {
			for (long ancestor : ancestors) {
				BigDecimal mine = ancestor == organizationId ? now.getOrDefault(change.getKey(), BigDecimal.ZERO) : null;
				int updated = jdbc.sql("""
						UPDATE statistics_figure SET subtree_value = subtree_value + :delta,
						own_value = COALESCE(:mine, own_value)
						WHERE organization_id = :org AND stat_year = :year AND figure_key = :key""")
					.param("delta", change.getValue())
					.param("mine", mine, java.sql.Types.DECIMAL)
					.param("org", ancestor)
					.param("year", year)
					.param("key", change.getKey())
					.update();
				if (updated == 0) {
					jdbc.sql("""
							INSERT INTO statistics_figure (organization_id, stat_year, figure_key, own_value, subtree_value)
							VALUES (:org, :year, :key, :mine, :delta)""")
						.param("org", ancestor)
						.param("year", year)
						.param("key", change.getKey())
						.param("mine", mine == null ? BigDecimal.ZERO : mine)
						.param("delta", change.getValue())
						.update();
				}
			}
		}
	}

	void markRefreshed(int year, int startMonth, Instant at) {
		int updated = jdbc.sql("UPDATE statistics_refresh SET start_month = :month, refreshed_at = :at WHERE stat_year = :year")
			.param("month", startMonth)
			.param("at", Timestamp.from(at))
			.param("year", year)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO statistics_refresh (stat_year, start_month, refreshed_at) VALUES (:year, :month, :at)")
				.param("month", startMonth)
				.param("at", Timestamp.from(at))
				.param("year", year)
				.update();
		}
	}

	/** Marks an organization's figures (null: the whole tree's) as changed, in the caller's transaction. */
	void markDirty(Long organizationId, Instant at) {
		jdbc.sql("INSERT INTO statistics_dirty (organization_id, marked_at) VALUES (:org, :at)")
			.param("org", organizationId, java.sql.Types.BIGINT)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The marks so far: id of the last one and the organizations (null among them: the whole tree). */
	record Dirty(long upTo, java.util.Set<Long> organizations) {
	}

	Dirty dirty() {
		java.util.Set<Long> organizations = new java.util.HashSet<>();
		long[] upTo = { 0 };
		jdbc.sql("SELECT id, organization_id FROM statistics_dirty ORDER BY id").query((rs, i) -> {
			upTo[0] = Math.max(upTo[0], rs.getLong(1));
			long org = rs.getLong(2);
			organizations.add(rs.wasNull() ? null : org);
			return null;
		}).list();
		return new Dirty(upTo[0], organizations);
	}

	void clearDirty(long upTo) {
		jdbc.sql("DELETE FROM statistics_dirty WHERE id <= :upTo").param("upTo", upTo).update();
	}

	/** Stores the subtree sums of a frozen year (with its snapshot). */
	void writeFrozenTotals(int year, Map<String, Map<Long, BigDecimal>> subtree) {
		clearFrozenTotals(year);
		List<Object[]> rows = new ArrayList<>();
		subtree.forEach((key, byOrg) -> byOrg.forEach((org, sum) -> rows.add(new Object[] { year, key, org, sum })));
		for (int i = 0; i < rows.size(); i += BATCH) {
			template.batchUpdate("""
					INSERT INTO statistics_snapshot_total (stat_year, figure_key, organization_id, subtree_value)
					VALUES (?, ?, ?, ?)""", rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
	}

	void clearFrozenTotals(int year) {
		jdbc.sql("DELETE FROM statistics_snapshot_total WHERE stat_year = :year").param("year", year).update();
	}
}
