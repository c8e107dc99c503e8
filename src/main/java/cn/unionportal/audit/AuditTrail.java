package cn.unionportal.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what to which record, when, with old and new values (masked where
 * personal). Written in the caller's transaction, so an audit line exists exactly when the change
 * does. Read back within an organization's subtree only; which organizations that subtree holds
 * is the organization module's knowledge, asked through {@link AuditScope} (the hierarchy's tables
 * are not read here).
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditScope scope;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditScope scope) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scope = scope;
	}

	/** One line of the trail as the pages show it (time in the portal's zone). */
	public record Entry(long id, LocalDateTime occurredAt, String actor, String action, String subjectType,
			long subjectId, long organizationId, String details) {
	}

	/** Filters for browsing; every one is optional. */
	public record Filter(String subjectType, Long subjectId, String actor, LocalDate from, LocalDate to) {
	}

	@Transactional
	public void record(String actor, String action, String subjectType, long subjectId, long organizationId,
			String details) {
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, organization_id, details)
				VALUES (:at, :actor, :action, :type, :subject, :organization, :details)
				""")
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("type", subjectType)
			.param("subject", subjectId)
			.param("organization", organizationId)
			.param("details", details == null || details.length() <= 4000 ? details : details.substring(0, 4000))
			.update();
	}

	/** Lines about records of organizations in the subtree of {@code scopeOrganizationId}. */
	@Transactional(readOnly = true)
	public Page<Entry> search(long scopeOrganizationId, Filter filter, Pageable pageable) {
		ZoneId zone = clock.getZone();
		String where = """
				FROM audit_event e
				WHERE e.organization_id IN (%s)
				  AND (CAST(:type AS VARCHAR(30)) IS NULL OR e.subject_type = :type)
				  AND (CAST(:subject AS BIGINT) IS NULL OR e.subject_id = :subject)
				  AND (CAST(:actor AS VARCHAR(50)) IS NULL OR e.actor = :actor)
				  AND (CAST(:fromTime AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.occurred_at >= :fromTime)
				  AND (CAST(:toTime AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.occurred_at < :toTime)
				""".formatted(scope.organizationsInSubtree("scope"));
		var from = filter.from() == null ? null
				: java.sql.Timestamp.from(filter.from().atStartOfDay(zone).toInstant());
		var to = filter.to() == null ? null
				: java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant());
		String actor = filter.actor() == null || filter.actor().isBlank() ? null : filter.actor().strip();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("scope", scopeOrganizationId);
		params.put("type", filter.subjectType());
		params.put("subject", filter.subjectId());
		params.put("actor", actor);
		params.put("fromTime", from);
		params.put("toTime", to);
		long total = jdbc.sql("SELECT COUNT(*) " + where).params(params).query(Long.class).single();
		var rows = jdbc.sql("SELECT e.* " + where + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Entry(rs.getLong("id"),
					LocalDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), zone), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject_type"), rs.getLong("subject_id"),
					rs.getLong("organization_id"), rs.getString("details")))
			.list();
		return new org.springframework.data.domain.PageImpl<>(rows, PageRequest.of(pageable.getPageNumber(),
				pageable.getPageSize()), total);
	}
}
