package cn.unionportal.aid.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of cases within a scope (the subtree of an organization, bound as a parameter), filtered,
 * newest first. Member and organization names are added by the caller.
 */
@Component
public class AidCaseSearch {

	private final JdbcClient jdbc;

	private final Clock clock;

	AidCaseSearch(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A row before names are added. */
	record Row(long id, AidKind kind, CaseStatus status, long memberId, Long fileId, long organizationId, int year,
			java.math.BigDecimal requestedAmount, java.math.BigDecimal approvedAmount, java.math.BigDecimal paidAmount,
			ApprovalLevel approvalLevel, String recordedBy, LocalDateTime recordedAt) {
	}

	/**
	 * Cases in the subtree of {@code scope} matching the query; with {@code waitingFor} set, only
	 * recorded cases at one of {@code levels} whose recorder is none of {@code waitingFor} (the
	 * user and the accounts linked to it: four eyes).
	 */
	Page<Row> find(long scope, AidCaseQuery query, Collection<String> waitingFor, Collection<ApprovalLevel> levels,
			Pageable pageable) {
		StringBuilder where = new StringBuilder(" FROM aid_case c WHERE c.organization_id" + Scope.SUBTREE);
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, scope);
		if (query.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", query.status().name());
		}
		if (query.kind() != null) {
			where.append(" AND c.kind = :kind");
			params.put("kind", query.kind().name());
		}
		if (query.year() != null) {
			where.append(" AND c.aid_year = :year");
			params.put("year", query.year());
		}
		if (query.memberId() != null) {
			where.append(" AND c.member_id = :member");
			params.put("member", query.memberId());
		}
		if (query.fileId() != null) {
			where.append(" AND c.file_id = :file");
			params.put("file", query.fileId());
		}
		if (waitingFor != null) {
			if (levels.isEmpty()) {
				return Page.empty(pageable);
			}
			where.append(" AND c.status = 'RECORDED' AND c.recorded_by NOT IN (:users) AND c.approval_level IN (:levels)");
			params.put("users", List.copyOf(waitingFor));
			params.put("levels", levels.stream().map(Enum::name).toList());
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		String order = waitingFor != null ? " ORDER BY c.recorded_at, c.id" : " ORDER BY c.recorded_at DESC, c.id DESC";
		List<Row> rows = jdbc.sql("SELECT c.*" + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("id"), AidKind.valueOf(rs.getString("kind")),
					CaseStatus.valueOf(rs.getString("status")), rs.getLong("member_id"),
					rs.getObject("file_id") == null ? null : rs.getLong("file_id"), rs.getLong("organization_id"),
					rs.getInt("aid_year"), rs.getBigDecimal("requested_amount"), rs.getBigDecimal("approved_amount"),
					rs.getBigDecimal("paid_amount"), ApprovalLevel.valueOf(rs.getString("approval_level")),
					rs.getString("recorded_by"), local(rs.getTimestamp("recorded_at"))))
			.list();
		return new PageImpl<>(rows, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private LocalDateTime local(Timestamp timestamp) {
		return LocalDateTime.ofInstant(timestamp.toInstant(), clock.getZone());
	}
}
