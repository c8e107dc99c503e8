package cn.unionportal.aid.lookup;

import cn.unionportal.aid.files.HardshipTier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.masking.Masking;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice board (公示, no login): households whose file is on public notice today
 * ({@code notice_start ≤ today ≤ notice_end}), with masked names, organization and tier only.
 * The optional search matches the organization's name: the organization module names the
 * organizations that match (a few thousand at most in a federation), this module pages over the
 * files of those organizations, and the organization module names the page's organizations.
 */
@Service
@Transactional(readOnly = true)
public class PublicNoticeBoard {

	private static final String FROM = """
			FROM hardship_file f
			WHERE f.status = 'PUBLIC_NOTICE' AND f.notice_start <= :today AND f.notice_end >= :today
			""";

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Clock clock;

	PublicNoticeBoard(JdbcClient jdbc, MemberManagement members, OrganizationManagement organizations, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** Notices running today, those ending soonest first; {@code organizationQuery} may be blank. */
	public Page<PublicNoticeEntry> running(String organizationQuery, Pageable pageable) {
		LocalDate today = LocalDate.now(clock);
		String from = FROM;
		Map<String, Object> params = new HashMap<>(Map.of("today", today));
		if (organizationQuery != null && !organizationQuery.isBlank()) {
			List<Long> named = organizations.idsNamedLike(organizationQuery);
			if (named.isEmpty()) {
				return Page.empty(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
			}
			from += " AND f.organization_id IN (:organizations)";
			params.put("organizations", named);
		}
		long total = jdbc.sql("SELECT COUNT(*) " + from).params(params).query(Long.class).single();
		List<Row> rows = jdbc
			.sql("SELECT f.member_id, f.organization_id, f.tier, f.notice_start, f.notice_end " + from
					+ " ORDER BY f.notice_end, f.notice_start, f.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("member_id"), rs.getLong("organization_id"),
					HardshipTier.valueOf(rs.getString("tier")), rs.getDate("notice_start").toLocalDate(),
					rs.getDate("notice_end").toLocalDate()))
			.list();
		Map<Long, String> organizationNames = organizations.namesOf(rows.stream().map(Row::organizationId).distinct().toList());
		Map<Long, MemberBrief> briefs = members.briefs(rows.stream().map(Row::memberId).distinct().toList());
		List<PublicNoticeEntry> entries = rows.stream()
			.map(r -> new PublicNoticeEntry(
					briefs.containsKey(r.memberId()) ? Masking.name(briefs.get(r.memberId()).name()) : "*",
					organizationNames.get(r.organizationId()), r.tier(), r.noticeStart(), r.noticeEnd()))
			.toList();
		return new PageImpl<>(entries, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private record Row(long memberId, long organizationId, HardshipTier tier, LocalDate noticeStart,
			LocalDate noticeEnd) {
	}
}
