package cn.unionportal.organization;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.ChineseNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk loading of a whole hierarchy (the demo data generator) in JDBC batches: organizations with
 * ids assigned here (after the highest existing one, the identity column restarted behind them),
 * their closure rows (every ancestor including the organization itself, computed in memory) and
 * affiliations. The organization module's own tables are written here and nowhere else; the
 * database's keys and type-rule constraints check every row. Not audited and no events: a bulk
 * load of generated data, not a user's change.
 */
@Component
public class OrganizationBulkWriter {

	static final int BATCH = 1_000;

	/** {@link NewOrganization#parent()} of an organization directly under the root. */
	public static final int ROOT = -1;

	/**
	 * One organization to write; {@code parent} is the index of its parent in the same list (listed
	 * before it) or {@link #ROOT}.
	 */
	public record NewOrganization(int parent, OrganizationType type, String name, String chair, LocalDate foundedOn,
			String creditCode) {
	}

	/** A union (index in the list) affiliated to a federation (index in the list). */
	public record NewAffiliation(int union, int federation) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	OrganizationBulkWriter(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Inserts the organizations under the root organization; call inside a transaction.
	 *
	 * @return the database id of each organization, by list index
	 */
	public long[] write(List<NewOrganization> planned, List<NewAffiliation> affiliationsToWrite, long rootId) {
		Long max = jdbc.queryForObject("SELECT MAX(id) FROM organization", Long.class);
		long first = (max == null ? 0 : max) + 1;
		long[] ids = new long[planned.size()];
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> organizations = new ArrayList<>(planned.size());
		List<Object[]> closure = new ArrayList<>();
		List<List<Long>> ancestors = new ArrayList<>(planned.size());
		for (int index = 0; index < planned.size(); index++) {
			NewOrganization organization = planned.get(index);
			long id = first + index;
			ids[index] = id;
			boolean underRoot = organization.parent() == ROOT;
			long parentId = underRoot ? rootId : ids[organization.parent()];
			OrganizationType parentType = underRoot ? OrganizationType.MUNICIPAL_FEDERATION
					: planned.get(organization.parent()).type();
			organizations.add(new Object[] { id, organization.name(), ChineseNames.sortKey(organization.name()),
					ChineseNames.pinyinText(organization.name()), organization.type().name(), parentId,
					parentType.name(), organization.chair(),
					organization.foundedOn() == null ? null : Date.valueOf(organization.foundedOn()),
					organization.creditCode(), now, now });
			// ancestors from the organization itself upwards: its depth-0 row first
			List<Long> line = new ArrayList<>();
			line.add(id);
			line.addAll(underRoot ? List.of(rootId) : ancestors.get(organization.parent()));
			ancestors.add(line);
			for (int depth = 0; depth < line.size(); depth++) {
				closure.add(new Object[] { line.get(depth), id, depth });
			}
		}
		batches("""
				INSERT INTO organization (id, name, name_sort, name_pinyin, type, parent_id, parent_type, chair, founded_on,
				  credit_code, status, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)
				""", organizations);
		batches("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, ?)", closure);
		List<Object[]> affiliations = new ArrayList<>(affiliationsToWrite.size());
		for (NewAffiliation affiliation : affiliationsToWrite) {
			affiliations.add(new Object[] { ids[affiliation.union()], planned.get(affiliation.union()).type().name(),
					ids[affiliation.federation()], planned.get(affiliation.federation()).type().name(), now });
		}
		batches("""
				INSERT INTO organization_affiliation (organization_id, organization_type, federation_id, federation_type,
				  created_at)
				VALUES (?, ?, ?, ?, ?)
				""", affiliations);
		// ids were given explicitly: new organizations must be numbered after them (a number, not input)
		jdbc.execute("ALTER TABLE organization ALTER COLUMN id RESTART WITH " + (first + planned.size()));
		return ids;
	}

	/** Records the number of employees of grassroots unions (generated data: id → employees). */
	public void writeEmployees(java.util.Map<Long, Integer> employees) {
		List<Object[]> rows = new ArrayList<>(employees.size());
		employees.forEach((id, count) -> rows.add(new Object[] { count, id }));
		batches("UPDATE organization SET employees = ? WHERE id = ? AND type = 'GRASSROOTS_UNION'", rows);
	}

	private void batches(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}
}
