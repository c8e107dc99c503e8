package cn.unionportal.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kit for scoped lists over JdbcClient: a table restricted to the subtree of one organization,
 * further conditions with bound parameters, then a count (exact or capped), a page, or a list.
 * The closure subquery comes from {@link Scope#SUBTREE}; nothing else writes it.
 *
 * <pre>
 * ScopedQuery.from("hardship_file f", "f.organization_id", scope.narrowTo(query.organizationId()))
 *     .and(query.status() != null, "f.status = :status", "status", name(query.status()))
 *     .page(jdbc, "f.id, f.member_id", "f.applied_at DESC, f.id DESC", pageable, mapper);
 * </pre>
 */
public final class ScopedQuery {

	private final String table;

	private final StringBuilder where;

	private final Map<String, Object> params = new HashMap<>();

	private ScopedQuery(String table, String organizationColumn, long top) {
		this.table = table;
		this.where = new StringBuilder(organizationColumn).append(Scope.SUBTREE);
		params.put(Scope.PARAMETER, top);
	}

	/** Rows of {@code table} (with its alias) whose {@code organizationColumn} lies under {@code top}. */
	public static ScopedQuery from(String table, String organizationColumn, long top) {
		return new ScopedQuery(table, organizationColumn, top);
	}

	/** Adds a condition without parameters. */
	public ScopedQuery and(String condition) {
		where.append(" AND (").append(condition).append(')');
		return this;
	}

	/** Adds a condition with one bound parameter. */
	public ScopedQuery and(String condition, String name, Object value) {
		and(condition);
		params.put(name, value);
		return this;
	}

	/** Adds a condition with one bound parameter when {@code when} holds. */
	public ScopedQuery and(boolean when, String condition, String name, Object value) {
		return when ? and(condition, name, value) : this;
	}

	/** Binds a parameter used by conditions added earlier or by the select. */
	public ScopedQuery bind(String name, Object value) {
		params.put(name, value);
		return this;
	}

	/** The FROM … WHERE … part, for callers that need their own SELECT. */
	public String fromWhere() {
		return " FROM " + table + " WHERE " + where;
	}

	public Map<String, Object> params() {
		return Map.copyOf(params);
	}

	public long count(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*)" + fromWhere()).params(params).query(Long.class).single();
	}

	/**
	 * Counts up to {@code cap} rows and stops there (a large subtree is not counted to the end);
	 * a result equal to {@code cap} means "at least".
	 */
	public long cappedCount(JdbcClient jdbc, int cap) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + fromWhere() + " LIMIT :capRows) capped")
			.params(params)
			.param("capRows", cap)
			.query(Long.class)
			.single();
	}

	public <T> List<T> list(JdbcClient jdbc, String columns, String orderBy, int limit, long offset, RowMapper<T> mapper) {
		return jdbc.sql("SELECT " + columns + fromWhere() + (orderBy == null ? "" : " ORDER BY " + orderBy)
				+ " LIMIT :limitRows OFFSET :offsetRows")
			.params(params)
			.param("limitRows", limit)
			.param("offsetRows", offset)
			.query(mapper)
			.list();
	}

	/** A page with an exact total. */
	public <T> Page<T> page(JdbcClient jdbc, String columns, String orderBy, Pageable pageable, RowMapper<T> mapper) {
		long total = count(jdbc);
		if (total == 0) {
			return Page.empty(pageable);
		}
		return new PageImpl<>(list(jdbc, columns, orderBy, pageable.getPageSize(), pageable.getOffset(), mapper),
				pageable, total);
	}

	/**
	 * Runs {@code select + FROM … WHERE … + tail} (typically a {@code GROUP BY} by organization, or
	 * a select that wraps the rows in a subquery closed by {@code tail}) and hands each row to
	 * {@code row}: the skeleton of the statistics' figure sources.
	 */
	public void forEachRow(JdbcClient jdbc, String select, String tail, RowCallbackHandler row) {
		jdbc.sql(select + fromWhere() + tail).params(params).query(row);
	}

	/** Values for an {@code IN (:name)} condition: enum names, in order. */
	public static List<String> names(Collection<? extends Enum<?>> values) {
		List<String> names = new ArrayList<>();
		values.forEach(v -> names.add(v.name()));
		return names;
	}
}
