package cn.unionportal.aid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.shared.SearchPatterns;
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
 * The optional search matches the organization's name (the one join with the organization table:
 * paging over a name filter needs it in the query).
 */
@Service
@Transactional(readOnly = true)
public class PublicNoticeBoard {

	private static final String FROM = """
			FROM hardship_file f JOIN organization o ON o.id = f.organization_id
			WHERE f.status = 'PUBLIC_NOTICE' AND f.notice_start <= :today AND f.notice_end >= :today
			  AND (CAST(:pattern AS VARCHAR(300)) IS NULL OR LOWER(o.name) LIKE :pattern ESCAPE '\\')
			""";

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final Clock clock;

	PublicNoticeBoard(JdbcClient jdbc, MemberManagement members, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
	}

	/** Notices running today, those ending soonest first; {@code organizationQuery} may be blank. */
	public Page<PublicNoticeEntry> running(String organizationQuery, Pageable pageable) {
		LocalDate today = LocalDate.now(clock);
		String pattern = organizationQuery == null || organizationQuery.isBlank() ? null
				: SearchPatterns.contains(organizationQuery);
		long total = jdbc.sql("SELECT COUNT(*) " + FROM)
			.param("today", today)
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		List<Row> rows = jdbc
			.sql("SELECT f.member_id, o.name AS organization_name, f.tier, f.notice_start, f.notice_end " + FROM
					+ " ORDER BY f.notice_end, f.notice_start, f.id LIMIT :limit OFFSET :offset")
			.param("today", today)
			.param("pattern", pattern)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("member_id"), rs.getString("organization_name"),
					HardshipTier.valueOf(rs.getString("tier")), rs.getDate("notice_start").toLocalDate(),
					rs.getDate("notice_end").toLocalDate()))
			.list();
		Map<Long, MemberBrief> briefs = members.briefs(rows.stream().map(Row::memberId).distinct().toList());
		List<PublicNoticeEntry> entries = rows.stream()
			.map(r -> new PublicNoticeEntry(
					briefs.containsKey(r.memberId()) ? Masking.name(briefs.get(r.memberId()).name()) : "*",
					r.organizationName(), r.tier(), r.noticeStart(), r.noticeEnd()))
			.toList();
		return new PageImpl<>(entries, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private record Row(long memberId, String organizationName, HardshipTier tier, LocalDate noticeStart,
			LocalDate noticeEnd) {
	}
}
