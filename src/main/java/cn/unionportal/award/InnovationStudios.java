package cn.unionportal.award;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Innovation studios (劳模和工匠人才创新工作室): named after an honoured worker who leads it, at an
 * organization, recognized at a level, with a team and a yearly evaluation. Scoped by the
 * organization; counted by level for statistics.
 */
@Service
@Transactional(readOnly = true)
public class InnovationStudios {

	static final String SUBJECT = "INNOVATION_STUDIO";

	static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "PASS", "FAIL");

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	InnovationStudios(JdbcClient jdbc, MemberManagement members, OrganizationManagement organizations, Scopes scopes,
			AwardPermissions permissions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.scopes = scopes;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	record Row(long id, String name, long org, long leader, HonourLevel level, int year, String field, long version) {
	}

	private static final String COLUMNS = "s.id, s.name, s.organization_id, s.leader_member_id, s.studio_level, s.recognized_year, s.field, s.version";

	/** Studios of the user's scope (or of one organization in it), by name. */
	public List<StudioView> studios(CurrentUser user, Long organizationId) {
		Scope scope = scopes.of(user);
		List<Row> rows = ScopedQuery.from("innovation_studio s", "s.organization_id", scope.narrowTo(organizationId))
			.and("s.status = 'ACTIVE'")
			.list(jdbc, COLUMNS, "s.name, s.id", 500, 0, InnovationStudios::row);
		return views(scope, rows);
	}

	/** Studios that belong to this organization itself (not those below it), by name; 404 outside the scope. */
	public List<StudioView> studiosAt(CurrentUser user, long organizationId) {
		Scope scope = scopes.of(user);
		scope.require(organizationId);
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM innovation_studio s WHERE s.organization_id = :org"
				+ " AND s.status = 'ACTIVE' ORDER BY s.name, s.id").param("org", organizationId)
			.query(InnovationStudios::row).list();
		return views(scope, rows);
	}

	public StudioView studio(CurrentUser user, long id) {
		Scope scope = scopes.of(user);
		Row row = jdbc.sql("SELECT " + COLUMNS + " FROM innovation_studio s WHERE s.id = :id").param("id", id)
			.query(InnovationStudios::row).optional().filter(r -> scope.contains(r.org()))
			.orElseThrow(() -> new NotFoundException("studio", id));
		return views(scope, List.of(row)).get(0);
	}

	/** Studios by level in the user's scope (statistics). */
	public Map<HonourLevel, Long> countByLevel(CurrentUser user) {
		Map<HonourLevel, Long> counts = new java.util.EnumMap<>(HonourLevel.class);
		ScopedQuery.from("innovation_studio s", "s.organization_id", scopes.of(user).rootId())
			.and("s.status = 'ACTIVE'")
			.list(jdbc, "s.studio_level", null, 1_000_000, 0, (rs, i) -> rs.getString(1))
			.forEach(level -> counts.merge(HonourLevel.valueOf(level), 1L, Long::sum));
		return counts;
	}

	private List<StudioView> views(Scope scope, List<Row> rows) {
		Map<Long, String> orgNames = scope.names(rows.stream().map(Row::org).toList());
		Map<Long, MemberBrief> leaders = members.briefs(rows.stream().map(Row::leader).toList());
		return rows.stream().map(r -> {
			List<Long> teamIds = jdbc.sql("SELECT member_id FROM studio_member WHERE studio_id = :s ORDER BY member_id")
				.param("s", r.id()).query(Long.class).list();
			List<String> team = members.briefs(teamIds).values().stream().map(MemberBrief::name).sorted().toList();
			List<StudioView.Evaluation> evaluations = jdbc.sql(
					"SELECT eval_year, grade, note FROM studio_evaluation WHERE studio_id = :s ORDER BY eval_year DESC")
				.param("s", r.id())
				.query((rs, i) -> new StudioView.Evaluation(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
			MemberBrief leader = leaders.get(r.leader());
			return new StudioView(r.id(), r.name(), r.org(), orgNames.get(r.org()), r.leader(),
					leader == null ? "" : leader.name(), r.level(), r.year(), r.field(), team, evaluations, r.version());
		}).toList();
	}

	/** Records a studio led by a member of the organization's subtree. */
	@Transactional
	public long create(CurrentUser user, long organizationId, long leaderMemberId, String name, HonourLevel level,
			Integer year, String field) {
		Scope scope = scopes.of(user);
		scope.require(organizationId);
		AwardPermissions.require(permissions.mayManageStudios(user), "studios");
		MemberView leader = members.get(user, leaderMemberId);
		if (leader.organizationId() != organizationId && !organizations.isWithin(organizationId, leader.organizationId())) {
			throw new RuleViolationException("leader", "award.error.notBelow");
		}
		String title = Texts.required(name, "name", 200);
		Texts.requireField(level, "level");
		int recognized = Texts.requireField(year, "year");
		if (recognized < 1990 || recognized > LocalDate.now(clock).getYear()) {
			throw new RuleViolationException("year", "award.error.range", 1990, LocalDate.now(clock).getYear());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO innovation_studio (name, organization_id, leader_member_id, studio_level, recognized_year,
					  field, status, created_at) VALUES (:n, :o, :l, :lv, :y, :f, 'ACTIVE', :at)
					""").param("n", title).param("o", organizationId).param("l", leaderMemberId)
				.param("lv", level.name()).param("y", recognized).param("f", Texts.optional(field, "field", 200))
				.param("at", Timestamp.from(clock.instant())).update(keys, "id");
		}
		catch (DuplicateKeyException exists) {
			throw new RuleViolationException("name", "award.error.studioExists");
		}
		long id = keys.getKey().longValue();
		addMember(id, leaderMemberId);
		audit.record(user.username(), "STUDIO_CREATED", SUBJECT, id, organizationId, title + " (" + level + ")");
		return id;
	}

	/** Adds a member of the scope to the team (once). */
	@Transactional
	public void addToTeam(CurrentUser user, long studioId, long memberId) {
		StudioView studio = studio(user, studioId);
		AwardPermissions.require(permissions.mayManageStudios(user), "studios");
		MemberView member = members.get(user, memberId);
		if (jdbc.sql(
				"SELECT COUNT(*) FROM studio_member WHERE studio_id = :s AND member_id = :m").param("s", studioId)
			.param("m", memberId).query(Long.class).single() > 0) {
			throw new RuleViolationException("card", "award.error.alreadyInTeam");
		}
		addMember(studioId, memberId);
		audit.record(user.username(), "STUDIO_MEMBER_ADDED", SUBJECT, studioId, studio.organizationId(),
				"member " + memberId);
	}

	private void addMember(long studioId, long memberId) {
		jdbc.sql("INSERT INTO studio_member (studio_id, member_id) VALUES (:s, :m)").param("s", studioId)
			.param("m", memberId).update();
	}

	/** The yearly evaluation (one per year). */
	@Transactional
	public void evaluate(CurrentUser user, long studioId, Integer year, String grade, String note) {
		StudioView studio = studio(user, studioId);
		AwardPermissions.require(permissions.mayManageStudios(user), "studios");
		int y = Texts.requireField(year, "year");
		if (grade == null || !GRADES.contains(grade)) {
			throw new RuleViolationException("grade", "validation.required");
		}
		if (studio.evaluations().stream().anyMatch(e -> e.year() == y)) {
			throw new RuleViolationException("year", "award.error.evaluated", y);
		}
		jdbc.sql("INSERT INTO studio_evaluation (studio_id, eval_year, grade, note, recorded_by) VALUES (:s, :y, :g, :n, :by)")
			.param("s", studioId).param("y", y).param("g", grade).param("n", Texts.optional(note, "note", 500))
			.param("by", user.username()).update();
		audit.record(user.username(), "STUDIO_EVALUATED", SUBJECT, studioId, studio.organizationId(), y + ": " + grade);
	}

	private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), HonourLevel.valueOf(rs.getString(5)),
				rs.getInt(6), rs.getString(7), rs.getLong(8));
	}
}
