package cn.unionportal.organization;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the statistics module needs of the hierarchy (issue 12): the levels of a subtree for
 * breakdowns (each organization mapped to the child of the top that contains it) and the
 * organization figures of a period, counted from this module's own tables. Callers have checked
 * the scope of {@code top} already.
 */
@Component
@Transactional(readOnly = true)
public class OrganizationStatistics {

	/** A child of the top of a breakdown, in pinyin order. */
	public record Level(long id, String name, OrganizationType type) {
	}

	private final JdbcClient jdbc;

	private final OrganizationRepository organizations;

	OrganizationStatistics(JdbcClient jdbc, OrganizationRepository organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** The federation at the top of the tree. */
	public long rootId() {
		return organizations.findRootId().orElseThrow();
	}

	/** The direct children of {@code top} (dissolved ones too: they may have figures), by name. */
	public List<Level> childrenOf(long top) {
		return jdbc.sql("SELECT o.id, o.name, o.type FROM organization o WHERE o.parent_id = :top ORDER BY o.name_sort, o.id")
			.param("top", top)
			.query((rs, i) -> new Level(rs.getLong(1), rs.getString(2), OrganizationType.valueOf(rs.getString(3))))
			.list();
	}

	/**
	 * Every organization of the subtree mapped to the direct child of {@code top} that contains it;
	 * {@code top} maps to itself (its own records).
	 */
	public Map<Long, Long> levelOf(long top) {
		Map<Long, Long> levels = new HashMap<>();
		levels.put(top, top);
		jdbc.sql("""
				SELECT d.descendant_id, o.id FROM organization o
				JOIN organization_closure d ON d.ancestor_id = o.id
				WHERE o.parent_id = :top""")
			.param("top", top)
			.query((rs, i) -> levels.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return levels;
	}

	/**
	 * Every organization of the whole tree with its ancestors, itself included (for adding up
	 * figures the tree: an organization's figure counts at each of them).
	 */
	public Map<Long, java.util.List<Long>> ancestry() {
		Map<Long, java.util.List<Long>> ancestry = new HashMap<>();
		jdbc.sql("SELECT descendant_id, ancestor_id FROM organization_closure")
			.query((rs, i) -> ancestry.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
			.list();
		return ancestry;
	}

	/** The organization's ancestors, itself included (empty when it does not exist). */
	public java.util.List<Long> ancestorsOf(long id) {
		return jdbc.sql("SELECT ancestor_id FROM organization_closure WHERE descendant_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	/**
	 * Figures of the organizations in the subtree for the days {@code start}..{@code end}, by
	 * figure key and organization: {@code organizations.active.<TYPE>} (in existence at the end:
	 * founded, or else created, by then and not dissolved by then), {@code organizations.employees} (the recorded number
	 * of employees of the grassroots unions in existence at the end, as recorded today),
	 * {@code organizations.founded},
	 * {@code organizations.dissolved}, {@code organizations.affiliations} (affiliations of the
	 * grassroots unions to industry and industry-chain federations, at the union).
	 */
	public Map<String, Map<Long, Long>> figures(long top, LocalDate start, LocalDate end) {
		Map<String, Map<Long, Long>> figures = new HashMap<>();
		ScopedQuery active = ScopedQuery.from("organization o", "o.id", top)
			.and("COALESCE(o.founded_on, CAST(o.created_at AS DATE)) <= :end", "end", end)
			.and("o.dissolved_on IS NULL OR o.dissolved_on > :end");
		jdbc.sql("SELECT o.id, o.type, o.employees" + active.fromWhere())
			.params(active.params())
			.query((rs, i) -> {
				figures.computeIfAbsent("organizations.active." + rs.getString(2), k -> new HashMap<>()).put(rs.getLong(1), 1L);
				long employees = rs.getLong(3);
				if (!rs.wasNull() && employees > 0) {
					figures.computeIfAbsent("organizations.employees", k -> new HashMap<>()).put(rs.getLong(1), employees);
				}
				return null;
			})
			.list();
		ScopedQuery founded = ScopedQuery.from("organization o", "o.id", top)
			.and("o.founded_on >= :start", "start", start)
			.and("o.founded_on <= :end", "end", end);
		founded.list(jdbc, "o.id", null, Integer.MAX_VALUE, 0,
				(rs, i) -> figures.computeIfAbsent("organizations.founded", k -> new HashMap<>()).put(rs.getLong(1), 1L));
		ScopedQuery dissolved = ScopedQuery.from("organization o", "o.id", top)
			.and("o.dissolved_on >= :start", "start", start)
			.and("o.dissolved_on <= :end", "end", end);
		dissolved.list(jdbc, "o.id", null, Integer.MAX_VALUE, 0,
				(rs, i) -> figures.computeIfAbsent("organizations.dissolved", k -> new HashMap<>()).put(rs.getLong(1), 1L));
		ScopedQuery affiliations = ScopedQuery.from("organization_affiliation a", "a.organization_id", top);
		jdbc.sql("SELECT a.organization_id, COUNT(*)" + affiliations.fromWhere() + " GROUP BY a.organization_id")
			.params(affiliations.params())
			.query((rs, i) -> figures.computeIfAbsent("organizations.affiliations", k -> new HashMap<>())
				.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return figures;
	}
}
