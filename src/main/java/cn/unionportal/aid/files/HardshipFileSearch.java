package cn.unionportal.aid.files;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.files.FileViews.FileQuery;
import cn.unionportal.aid.files.FileViews.FileSummary;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of household files (issue 9): the scoped list with its filters, the relapse watch
 * list and the work queue. The lifecycle steps are in {@link HardshipFileManagement}.
 */
@Service
@Transactional(readOnly = true)
public class HardshipFileSearch {

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AidPermissions permissions;

	private final Clock clock;

	HardshipFileSearch(JdbcClient jdbc, MemberManagement members, OrganizationManagement organizations,
			AidPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.permissions = permissions;
		this.clock = clock;
	}

	public Page<FileSummary> search(CurrentUser user, FileQuery query, Pageable pageable) {
		long scope = organizations.scopeOf(user).narrowTo(query.organizationId());
		StringBuilder where = new StringBuilder(" FROM hardship_file f WHERE f.organization_id" + Scope.SUBTREE);
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, scope);
		if (query.status() != null) {
			where.append(" AND f.status = :status");
			params.put("status", query.status().name());
		}
		if (query.tier() != null) {
			where.append(" AND f.tier = :tier");
			params.put("tier", query.tier().name());
		}
		if (query.memberId() != null) {
			where.append(" AND f.member_id = :member");
			params.put("member", query.memberId());
		}
		if (query.watchOnly()) {
			where.append(" AND (f.relapse_flagged_at IS NOT NULL OR (f.status = 'FILED' AND f.next_review_on < :today))");
			params.put("today", java.sql.Date.valueOf(today()));
		}
		if (query.priorityOnly()) {
			where.append(PriorityHolders.FILE_FILTER);
		}
		return page(where.toString(), params, pageable);
	}

	/** Files waiting for something the user may do. */
	public Page<FileSummary> workQueue(CurrentUser user, Pageable pageable) {
		boolean federation = permissions.isFederationLevel(user);
		String where = " FROM hardship_file f WHERE f.organization_id" + Scope.SUBTREE + "AND (f.status IN ('APPLIED', 'HOME_VISIT')"
				+ (federation ? " OR f.status = 'FEDERATION_REVIEW' OR (f.status = 'PUBLIC_NOTICE' AND (f.notice_end < :today"
						+ " OR EXISTS (SELECT 1 FROM hardship_objection o WHERE o.file_id = f.id AND o.resolved_at IS NULL)))" : "")
				+ ")";
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, user.organizationId());
		if (federation) {
			params.put("today", java.sql.Date.valueOf(today()));
		}
		return page(where, params, pageable);
	}

	private Page<FileSummary> page(String where, Map<String, Object> params, Pageable pageable) {
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		record Row(long id, long memberId, long organizationId, FileStatus status, HardshipTier tier, Instant appliedAt,
				LocalDate nextReviewOn, boolean flagged) {
		}
		List<Row> rows = jdbc
			.sql("SELECT f.id, f.member_id, f.organization_id, f.status, f.tier, f.applied_at, f.next_review_on,"
					+ " f.relapse_flagged_at" + where + " ORDER BY f.applied_at DESC, f.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					FileStatus.valueOf(rs.getString("status")), HardshipTier.valueOf(rs.getString("tier")),
					rs.getTimestamp("applied_at").toInstant(),
					rs.getDate("next_review_on") == null ? null : rs.getDate("next_review_on").toLocalDate(),
					rs.getTimestamp("relapse_flagged_at") != null))
			.list();
		Map<Long, MemberBrief> people = members.briefs(rows.stream().map(Row::memberId).distinct().toList());
		Map<Long, String> names = organizations.namesOf(rows.stream().map(Row::organizationId).distinct().toList());
		LocalDate today = today();
		List<FileSummary> content = rows.stream().map(r -> {
			MemberBrief person = people.get(r.memberId());
			return new FileSummary(r.id(), r.memberId(), person.name(), person.idNumberMasked(), r.organizationId(),
					names.get(r.organizationId()), r.status(), r.tier(),
					LocalDateTime.ofInstant(r.appliedAt(), clock.getZone()), r.nextReviewOn(), r.flagged(),
					r.status() == FileStatus.FILED && r.nextReviewOn() != null && r.nextReviewOn().isBefore(today));
		}).toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
