package cn.unionportal.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import cn.unionportal.organization.OrganizationChanges;
import cn.unionportal.organization.OrganizationLifecycle;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Known data for the statistics tests, in two districts of its own (so demo data does not count):
 * district A with unions A1 and A2, district B with union B1. Rows are written as the modules
 * write them, with placeholder ciphers (the statistics never read them).
 */
final class StatisticsFixture {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	final long districtA;

	final long districtB;

	final long unionA1;

	final long unionA2;

	final long unionB1;

	private final JdbcTemplate jdbc;

	StatisticsFixture(JdbcTemplate jdbc, long root, OrganizationLifecycle organizations, String tag) {
		this.jdbc = jdbc;
		CurrentUser system = CurrentUser.system(root);
		districtA = organizations.create(system, root, OrganizationType.DISTRICT_FEDERATION,
				new OrganizationChanges("统计甲区" + tag, null, LocalDate.of(2001, 1, 1), null));
		districtB = organizations.create(system, root, OrganizationType.DISTRICT_FEDERATION,
				new OrganizationChanges("统计乙区" + tag, null, LocalDate.of(2001, 1, 1), null));
		unionA1 = organizations.create(system, districtA, OrganizationType.GRASSROOTS_UNION,
				new OrganizationChanges("甲一工会" + tag, null, LocalDate.of(2010, 1, 1), null, 4));
		unionA2 = organizations.create(system, districtA, OrganizationType.GRASSROOTS_UNION,
				new OrganizationChanges("甲二工会" + tag, null, LocalDate.of(2020, 5, 1), null));
		unionB1 = organizations.create(system, districtB, OrganizationType.GRASSROOTS_UNION,
				new OrganizationChanges("乙一工会" + tag, null, LocalDate.of(2010, 1, 1), null, 10));
	}

	/** A member; a non-active one gets its exit row as the member module writes it. */
	long member(long organization, String gender, String employment, int birthYear, LocalDate joined, String status,
			LocalDate leftOn) {
		int n = SEQUENCE.incrementAndGet();
		String hash = "stat-" + System.nanoTime() + "-" + n;
		Timestamp created = Timestamp.from(joined.atStartOfDay(ZONE).toInstant());
		jdbc.update("""
				INSERT INTO member (name, name_sort, gender, document_type, id_number_cipher, id_number_hash, id_number_masked,
				  birth_year, birth_date_cipher, employment_type, organization_id, join_date, status, active_id_hash,
				  card_number, version, created_at, updated_at)
				VALUES (?, ?, ?, 'RESIDENT_ID', 'x', ?, '****', ?, 'x', ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
				"统计" + n, "ff" + n, gender, hash, birthYear, employment, organization, Date.valueOf(joined), status,
				"ACTIVE".equals(status) ? hash : null, "ST" + System.nanoTime() % 100000000000L, created, created);
		long id = jdbc.queryForObject("SELECT id FROM member WHERE id_number_hash = ?", Long.class, hash);
		if (leftOn != null) {
			jdbc.update("INSERT INTO member_exit (member_id, organization_id, status, left_on) VALUES (?, ?, ?, ?)", id,
					organization, status, Date.valueOf(leftOn));
		}
		return id;
	}

	/** A completed transfer on a day; moves the member. */
	void transfer(long member, long from, long to, LocalDate on) {
		Timestamp at = Timestamp.from(on.atTime(10, 0).atZone(ZONE).toInstant());
		jdbc.update("""
				INSERT INTO member_transfer (member_id, from_organization_id, to_organization_id, status, requested_by,
				  requested_at, decided_by, decided_at, version)
				VALUES (?, ?, ?, 'COMPLETED', 'test', ?, 'test', ?, 0)""", member, from, to, at, at);
		jdbc.update("UPDATE member SET organization_id = ? WHERE id = ?", to, member);
	}

	long file(long member, long organization, String status, String tier, LocalDate filedOn, LocalDate closedOn,
			Instant relapseFlagged) {
		Timestamp applied = Timestamp.from((filedOn == null ? LocalDate.of(2020, 3, 1) : filedOn.minusMonths(1))
			.atStartOfDay(ZONE).toInstant());
		boolean open = !status.equals("CLOSED") && !status.equals("REJECTED");
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size, applied_by,
				  applied_at, filed_on, closed_on, relapse_flagged_at, open_member_id, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ILLNESS', 3, 'test', ?, ?, ?, ?, ?, 0, ?, ?)""", member, organization, status, tier,
				applied, filedOn == null ? null : Date.valueOf(filedOn), closedOn == null ? null : Date.valueOf(closedOn),
				relapseFlagged == null ? null : Timestamp.from(relapseFlagged), open ? member : null, applied, applied);
		return jdbc.queryForObject("SELECT MAX(id) FROM hardship_file WHERE member_id = ?", Long.class, member);
	}

	long aidCase(long member, long organization, int year, String kind, String status, String approved, String paid) {
		Timestamp at = Timestamp.from(LocalDate.of(year, 3, 1).atStartOfDay(ZONE).toInstant());
		jdbc.update("""
				INSERT INTO aid_case (kind, member_id, organization_id, aid_year, status, computed_amount, requested_amount,
				  approval_level, recorded_by, recorded_at, decided_by, decided_at, approved_amount, paid_amount, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'DISTRICT', 'recorder', ?, 'decider', ?, ?, ?, 0)""", kind, member,
				organization, year, status, new java.math.BigDecimal(approved), new java.math.BigDecimal(approved), at, at,
				new java.math.BigDecimal(approved), new java.math.BigDecimal(paid));
		return jdbc.queryForObject("SELECT MAX(id) FROM aid_case WHERE member_id = ?", Long.class, member);
	}

	void payment(long aidCase, long payer, LocalDate on, String amount) {
		jdbc.update("""
				INSERT INTO aid_payment (case_id, payer_organization_id, paid_on, amount, channel, request_token,
				  recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, 'CASH', ?, 'payer', ?)""", aidCase, payer, Date.valueOf(on),
				new java.math.BigDecimal(amount), "tok-" + System.nanoTime(), Timestamp.from(Instant.now()));
	}
}
