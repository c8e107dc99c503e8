package cn.unionportal.competition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results, the read side: a competition's results (codes until a trade is locked), the public
 * results pages, objections, certificates by code and a member's competition history. The steps
 * that change results (notice, objections, publication) are in {@link CompetitionPublication}.
 */
@Service
public class CompetitionResults {

	private final JdbcClient jdbc;

	private final CompetitionCatalogue competitions;

	private final CompetitionPermissions permissions;

	private final OrganizationManagement organizations;

	CompetitionResults(JdbcClient jdbc, CompetitionCatalogue competitions, CompetitionPermissions permissions,
			OrganizationManagement organizations) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.permissions = permissions;
		this.organizations = organizations;
	}

	/** A line of the results (public or staff): no ID number, no phone. */
	public record ResultLine(long entryId, String tradeName, String code, String names, String organizationName,
			BigDecimal theory, BigDecimal practical, BigDecimal total, Integer rank, Integer prize,
			BigDecimal prizeAmount, List<String> titles, boolean promotion, String certificateCode) {
	}

	public record ObjectionView(long id, String content, String recordedBy, java.time.Instant recordedAt,
			String resolution, String resolvedBy, long version) {

		public boolean open() {
			return resolution == null;
		}
	}

	/** A member's competition line on their profile and on /me. */
	public record MemberResult(long competitionId, String competitionName, int year, String tradeName, Integer rank,
			Integer prize, List<String> titles, boolean promotion, String certificateCode, CompetitionStatus status) {
	}

	/** What a certificate states (for the PDF and /verify). */
	public record Certificate(String code, List<Long> memberIds, String memberNames, String competitionName, int year,
			String tradeName, Integer rank, Integer prize, List<String> titles, LocalDate publishedOn, long organizerId) {
	}

	@Transactional(readOnly = true)
	public List<ObjectionView> objections(CurrentUser user, long competitionId) {
		permissions.requireStaff(user);
		return jdbc.sql("SELECT * FROM competition_objection WHERE competition_id = :c ORDER BY id")
			.param("c", competitionId)
			.query((rs, n) -> new ObjectionView(rs.getLong("id"), rs.getString("content"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("resolution"), rs.getString("resolved_by"),
					rs.getLong("version")))
			.list();
	}

	// ---- results pages -------------------------------------------------------------------------

	/**
	 * The results of a competition. Public (no user): only from the notice on, names shown. Staff:
	 * codes until the trade is locked (names decoded only after the chief judge's lock).
	 */
	@Transactional(readOnly = true)
	public List<ResultLine> results(long competitionId, Long tradeId, boolean publicPage) {
		CompetitionView c = competitions.load(competitionId);
		if (publicPage && !c.status().resultsPublic()) {
			throw new NotFoundException("competition", competitionId);
		}
		return lines(competitionId, tradeId, publicPage, "");
	}

	/** A page of a trade's ranking for staff (a trade may hold 1,000 contestants): rank order, codes until the lock. */
	@Transactional(readOnly = true)
	public Page<ResultLine> ranking(long competitionId, long tradeId, Pageable pageable) {
		long total = jdbc.sql("SELECT COUNT(*) FROM competition_entry WHERE trade_id = :t AND status = 'ACTIVE'")
			.param("t", tradeId).query(Long.class).single();
		List<ResultLine> lines = total == 0 ? List.of()
				: lines(competitionId, tradeId, false, " LIMIT " + pageable.getPageSize() + " OFFSET " + pageable.getOffset());
		return new PageImpl<>(lines, pageable, total);
	}

	private List<ResultLine> lines(long competitionId, Long tradeId, boolean publicPage, String limit) {
		List<ResultLine> lines = new ArrayList<>();
		List<Long> orgIds = new ArrayList<>();
		jdbc.sql("""
				SELECT e.*, t.name AS trade_name, t.locked_at FROM competition_entry e
				JOIN competition_trade t ON t.id = e.trade_id
				WHERE e.competition_id = :c AND (:t IS NULL OR e.trade_id = :t) AND e.status = 'ACTIVE'
				ORDER BY t.id, e.ranking NULLS LAST, e.contestant_code""" + limit)
			.param("c", competitionId).param("t", tradeId, java.sql.Types.BIGINT)
			.query(rs -> {
				boolean decoded = rs.getTimestamp("locked_at") != null;
				long org = rs.getLong("organization_id");
				orgIds.add(org);
				String titles = rs.getString("titles");
				lines.add(new ResultLine(rs.getLong("id"), rs.getString("trade_name"), rs.getString("contestant_code"),
						decoded ? "" : null, String.valueOf(org),
						rs.getBigDecimal("theory_score"), rs.getBigDecimal("practical_score"),
						rs.getBigDecimal("total_score"), decoded ? rs.getObject("ranking", Integer.class) : null,
						decoded ? rs.getObject("prize", Integer.class) : null, rs.getBigDecimal("prize_amount"),
						titles == null ? List.of() : Arrays.asList(titles.split(",")), rs.getBoolean("promotion"),
						rs.getString("certificate_code")));
			});
		Map<Long, String> names = new java.util.HashMap<>();
		List<Long> decoded = lines.stream().filter(l -> l.names() != null).map(ResultLine::entryId).toList();
		for (int from = 0; from < decoded.size(); from += 1000) {
			jdbc.sql("SELECT entry_id, name FROM competition_entry_member WHERE entry_id IN (:ids) ORDER BY entry_id, member_id")
				.param("ids", decoded.subList(from, Math.min(from + 1000, decoded.size())))
				.query(rs -> {
					names.merge(rs.getLong(1), rs.getString(2), (x, y) -> x + "、" + y);
				});
		}
		Map<Long, String> orgNames = organizations.namesOf(orgIds.stream().distinct().toList());
		return lines.stream().map(l -> new ResultLine(l.entryId(), l.tradeName(), l.code(),
				l.names() == null ? null : names.get(l.entryId()), orgNames.get(Long.valueOf(l.organizationName())),
				publicPage ? null : l.theory(), publicPage ? null : l.practical(), l.total(), l.rank(), l.prize(),
				l.prizeAmount(), l.titles(), l.promotion(), publicPage ? null : l.certificateCode())).toList();
	}

	/** A page of the competitions whose results are public (notice or published), newest first. */
	@Transactional(readOnly = true)
	public Page<CompetitionView> publicCompetitions(Pageable pageable) {
		String where = " WHERE c.status IN ('NOTICE', 'PUBLISHED', 'ARCHIVED')";
		long total = jdbc.sql("SELECT COUNT(*) FROM competition c" + where).query(Long.class).single();
		List<CompetitionView> rows = jdbc.sql("SELECT c.* FROM competition c" + where
				+ " ORDER BY c.competition_year DESC, c.name_sort_key, c.id LIMIT :limit OFFSET :offset")
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query(CompetitionCatalogue::competition).list();
		return new PageImpl<>(rows, pageable, total);
	}

	@Transactional(readOnly = true)
	public CompetitionView publicCompetition(long id) {
		CompetitionView c = competitions.load(id);
		if (!c.status().resultsPublic()) {
			throw new NotFoundException("competition", id);
		}
		return c;
	}

	@Transactional(readOnly = true)
	public List<ObjectionView> publicObjections(long competitionId) {
		publicCompetition(competitionId);
		return jdbc.sql("SELECT * FROM competition_objection WHERE competition_id = :c ORDER BY id")
			.param("c", competitionId)
			.query((rs, n) -> new ObjectionView(rs.getLong("id"), rs.getString("content"), null,
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("resolution"), null, 0))
			.list();
	}

	// ---- members and certificates ------------------------------------------------------------------

	/** A member's competitions (ranks only where the trade is locked; certificates once published). */
	@Transactional(readOnly = true)
	public List<MemberResult> ofMember(long memberId) {
		return jdbc.sql("""
				SELECT c.id, c.name, c.competition_year, c.status, t.name AS trade_name, t.locked_at, e.ranking, e.prize,
				       e.titles, e.promotion, e.certificate_code
				FROM competition_entry_member m JOIN competition_entry e ON e.id = m.entry_id
				JOIN competition_trade t ON t.id = e.trade_id JOIN competition c ON c.id = e.competition_id
				WHERE m.member_id = :m AND e.status = 'ACTIVE' ORDER BY c.competition_year DESC, c.id DESC""")
			.param("m", memberId)
			.query((rs, n) -> {
				CompetitionStatus status = CompetitionStatus.valueOf(rs.getString("status"));
				boolean ranked = rs.getTimestamp("locked_at") != null && status.resultsPublic();
				String titles = rs.getString("titles");
				return new MemberResult(rs.getLong("id"), rs.getString("name"), rs.getInt("competition_year"),
						rs.getString("trade_name"), ranked ? rs.getObject("ranking", Integer.class) : null,
						ranked ? rs.getObject("prize", Integer.class) : null,
						titles == null ? List.of() : Arrays.asList(titles.split(",")), rs.getBoolean("promotion"),
						rs.getString("certificate_code"), status);
			})
			.list();
	}

	/** The certificate with this code (team members share one), empty for an unknown or unpublished code. */
	@Transactional(readOnly = true)
	public Optional<Certificate> certificate(String code) {
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		List<Certificate> rows = jdbc.sql("""
				SELECT m.member_id, m.name, c.name AS competition_name, c.competition_year, t.name AS trade_name, e.ranking,
				       e.prize, e.titles, c.published_on, c.organizer_id
				FROM competition_entry e JOIN competition_entry_member m ON m.entry_id = e.id
				JOIN competition_trade t ON t.id = e.trade_id JOIN competition c ON c.id = e.competition_id
				WHERE e.certificate_code = :code AND e.status = 'ACTIVE' AND c.status IN ('PUBLISHED', 'ARCHIVED')
				ORDER BY m.member_id""")
			.param("code", code)
			.query((rs, n) -> {
				String titles = rs.getString("titles");
				return new Certificate(code, List.of(rs.getLong("member_id")), rs.getString("name"),
						rs.getString("competition_name"), rs.getInt("competition_year"), rs.getString("trade_name"),
						rs.getObject("ranking", Integer.class), rs.getObject("prize", Integer.class),
						titles == null ? List.of() : Arrays.asList(titles.split(",")),
						rs.getObject("published_on", LocalDate.class), rs.getLong("organizer_id"));
			})
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Certificate first = rows.get(0);
		return Optional.of(new Certificate(code, rows.stream().flatMap(r -> r.memberIds().stream()).toList(),
				String.join("、", rows.stream().map(Certificate::memberNames).toList()), first.competitionName(),
				first.year(), first.tradeName(), first.rank(), first.prize(), first.titles(), first.publishedOn(),
				first.organizerId()));
	}

	/** The certificate code of an entry the user sees (404 otherwise, or when there is none yet). */
	@Transactional(readOnly = true)
	public String certificateCodeOf(long entryId) {
		return jdbc.sql("SELECT certificate_code FROM competition_entry WHERE id = :id").param("id", entryId)
			.query(String.class).optional().orElseThrow(() -> new NotFoundException("certificate", entryId));
	}

	/** Masked name for public pages that confirm a certificate. */
	public static String maskedName(String name) {
		return Masking.name(name);
	}
}
