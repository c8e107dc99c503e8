package cn.unionportal.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.award.AwardRules.Mix;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The nomination rows: load, change status with the version, and the timeline (package-private). */
@Component
class Nominations {

	static final String SUBJECT = "NOMINATION";

	static final String COLUMNS = """
			n.id, n.campaign_id, n.member_id, n.nominee_organization_id, n.nominee_name, n.organization_id,
			n.quota_organization_id, n.category, n.woman, n.migrant, n.deeds, n.deeds_summary, n.unit_decision,
			n.unit_posting, n.status, n.nominated_by, n.district_reviewer, n.return_reason, n.votes_for,
			n.votes_against, n.version
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Nominations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	NominationView load(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM nomination n WHERE n.id = :id").param("id", id)
			.query(Nominations::map).optional().orElseThrow(() -> new NotFoundException("nomination", id));
	}

	/** A nomination of the scope (404 otherwise), with its organization's name. */
	NominationView visible(Scope scope, long id) {
		NominationView n = load(id);
		if (!scope.contains(n.organizationId())) {
			throw new NotFoundException("nomination", id);
		}
		return named(n, scope.name(n.organizationId()));
	}

	static NominationView named(NominationView n, String organizationName) {
		return new NominationView(n.id(), n.campaignId(), n.memberId(), n.nomineeOrganizationId(), n.nomineeName(),
				n.organizationId(), organizationName, n.quotaOrganizationId(), n.category(), n.woman(), n.migrant(),
				n.deeds(), n.deedsSummary(), n.unitDecision(), n.unitPosting(), n.status(), n.nominatedBy(),
				n.districtReviewer(), n.returnReason(), n.votesFor(), n.votesAgainst(), n.version());
	}

	/** The structure mix of a quota organization's nominations in the given states. */
	Mix mixOf(long campaignId, long quotaOrganizationId, java.util.Set<NominationStatus> statuses) {
		Mix[] mix = { Mix.EMPTY };
		jdbc.sql("""
				SELECT category, woman, migrant FROM nomination
				WHERE campaign_id = :c AND quota_organization_id = :o AND status IN (:statuses)
				""").param("c", campaignId).param("o", quotaOrganizationId)
			.param("statuses", ScopedQuery.names(statuses))
			.query(rs -> {
				mix[0] = mix[0].plus(NomineeCategory.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3));
			});
		return mix[0];
	}

	/** Changes the status if the row is still at {@code version}; records the step. */
	void move(NominationView n, long version, NominationStatus to, String actor, String step, String note,
			String extraAssignment, Object extraValue) {
		String sql = "UPDATE nomination SET status = :s, updated_at = :at, version = version + 1"
				+ (extraAssignment == null ? "" : ", " + extraAssignment) + " WHERE id = :id AND version = :v";
		var statement = jdbc.sql(sql).param("s", to.name()).param("at", Timestamp.from(clock.instant()))
			.param("id", n.id()).param("v", version);
		if (extraAssignment != null) {
			statement = statement.param("extra", extraValue);
		}
		if (statement.update() == 0) {
			throw new ConflictException("nomination " + n.id() + " changed meanwhile");
		}
		step(n, actor, step, note);
	}

	/** A step on the timeline and in the audit trail. */
	void step(NominationView n, String actor, String step, String note) {
		jdbc.sql("INSERT INTO nomination_event (nomination_id, occurred_at, actor, step, note) VALUES (:n, :at, :a, :s, :note)")
			.param("n", n.id()).param("at", Timestamp.from(clock.instant())).param("a", actor).param("s", step)
			.param("note", note).update();
		audit.record(actor, "NOMINATION_" + step, SUBJECT, n.id(), n.organizationId(),
				n.nomineeName() + (note == null ? "" : ": " + note));
	}

	List<TimelineEntry> timeline(long id) {
		return jdbc.sql("SELECT occurred_at, actor, step, note FROM nomination_event WHERE nomination_id = :n ORDER BY occurred_at, id")
			.param("n", id)
			.query((rs, i) -> new TimelineEntry(LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), clock.getZone()), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	Set<ClearanceItem> clearances(long id) {
		Set<ClearanceItem> items = EnumSet.noneOf(ClearanceItem.class);
		jdbc.sql("SELECT item FROM nomination_clearance WHERE nomination_id = :n").param("n", id)
			.query(String.class).list().forEach(s -> items.add(ClearanceItem.valueOf(s)));
		return items;
	}

	static NominationView map(ResultSet rs, int row) throws SQLException {
		return new NominationView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("member_id", Long.class),
				rs.getObject("nominee_organization_id", Long.class), rs.getString("nominee_name"),
				rs.getLong("organization_id"), null, rs.getLong("quota_organization_id"),
				NomineeCategory.valueOf(rs.getString("category")), rs.getBoolean("woman"), rs.getBoolean("migrant"),
				rs.getString("deeds"), rs.getString("deeds_summary"), rs.getString("unit_decision"),
				rs.getString("unit_posting"), NominationStatus.valueOf(rs.getString("status")),
				rs.getString("nominated_by"), rs.getString("district_reviewer"), rs.getString("return_reason"),
				rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getLong("version"));
	}
}
