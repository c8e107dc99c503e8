package cn.unionportal.aid.cases;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own aid cases for self-service: kind, status, decision, approved and paid amounts,
 * in the member's own words (the caller is the signed-in member; nothing about anyone else).
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("cases")
public class OwnAidCases {

	/** One of the member's cases. The reason is shown only for a rejection. */
	public record OwnCase(long id, AidKind kind, CaseStatus status, LocalDateTime recordedAt, LocalDateTime decidedAt,
			String rejectionReason, BigDecimal approvedAmount, BigDecimal paidAmount, LocalDate lastPaidOn,
			String lookupCode) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	OwnAidCases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<OwnCase> of(long memberId) {
		return jdbc.sql("""
				SELECT c.id, c.kind, c.status, c.recorded_at, c.decided_at, c.decision_comment, c.approved_amount,
				       c.paid_amount, c.lookup_code, (SELECT MAX(p.paid_on) FROM aid_payment p WHERE p.case_id = c.id) AS last_paid
				FROM aid_case c WHERE c.member_id = :member ORDER BY c.recorded_at DESC, c.id DESC
				""").param("member", memberId).query((rs, i) -> {
			CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
			return new OwnCase(rs.getLong("id"), AidKind.valueOf(rs.getString("kind")), status,
					local(rs.getTimestamp("recorded_at")), local(rs.getTimestamp("decided_at")),
					status == CaseStatus.REJECTED ? rs.getString("decision_comment") : null,
					rs.getBigDecimal("approved_amount"), rs.getBigDecimal("paid_amount"),
					rs.getDate("last_paid") == null ? null : rs.getDate("last_paid").toLocalDate(),
					rs.getString("lookup_code"));
		}).list();
	}

	private LocalDateTime local(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : LocalDateTime.ofInstant(timestamp.toInstant(), clock.getZone());
	}
}
