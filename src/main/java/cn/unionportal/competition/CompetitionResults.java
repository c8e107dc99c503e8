package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results: the public notice (公示) with objections recorded and resolved, publication (titles by
 * tier, skill-grade promotion recommendations, certificate codes, one
 * {@link CompetitionTitleConferred} per title), the public results page, certificates by code,
 * and a member's competition history.
 */
@Service
public class CompetitionResults {

	private final JdbcClient jdbc;

	private final CompetitionManagement competitions;

	private final CompetitionPermissions permissions;

	private final OrganizationManagement organizations;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	CompetitionResults(JdbcClient jdbc, CompetitionManagement competitions, CompetitionPermissions permissions,
			OrganizationManagement organizations, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.permissions = permissions;
		this.organizations = organizations;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
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

	// ---- notice, objections, publication (organizer) ----------------------------------------------

	/** SCORING → NOTICE once every trade is locked; the notice runs for the competition's notice days. */
	@Transactional
	public void startNotice(CurrentUser user, long competitionId, long version) {
		CompetitionView c = competitions.load(competitionId);
		permissions.requireOrganizer(user, c.organizerId());
		if (c.status() != CompetitionStatus.SCORING) {
			throw new RuleViolationException(null, "competition.error.notScoring");
		}
		List<TradeView> trades = competitions.trades(competitionId);
		if (trades.isEmpty() || !trades.stream().allMatch(TradeView::locked)) {
			throw new RuleViolationException(null, "competition.error.tradesUnlocked");
		}
		competitions.setStatus(c, version, CompetitionStatus.NOTICE, LocalDate.now(clock).plusDays(c.noticeDays()), null);
		audit.record(user.username(), "NOTICE", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				"until " + LocalDate.now(clock).plusDays(c.noticeDays()));
	}

	@Transactional
	public long recordObjection(CurrentUser user, long competitionId, String content) {
		CompetitionView c = competitions.load(competitionId);
		permissions.requireStaff(user);
		if (c.status() != CompetitionStatus.NOTICE) {
			throw new RuleViolationException(null, "competition.objection.error.notNotice");
		}
		if (content == null || content.isBlank()) {
			throw new RuleViolationException("content", "validation.required");
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO competition_objection (competition_id, content, recorded_by, recorded_at)
				VALUES (:c, :content, :by, :now)""")
			.param("c", competitionId).param("content", content.strip()).param("by", user.username())
			.param("now", Timestamp.from(clock.instant())).update(keys, "id");
		audit.record(user.username(), "OBJECTION", CompetitionManagement.SUBJECT, c.id(), user.organizationId(),
				content.strip());
		return keys.getKey().longValue();
	}

	@Transactional
	public void resolveObjection(CurrentUser user, long objectionId, long version, String resolution) {
		long competitionId = jdbc.sql("SELECT competition_id FROM competition_objection WHERE id = :id")
			.param("id", objectionId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("objection", objectionId));
		CompetitionView c = competitions.load(competitionId);
		permissions.requireOrganizer(user, c.organizerId());
		if (resolution == null || resolution.isBlank()) {
			throw new RuleViolationException("resolution", "validation.required");
		}
		int updated = jdbc.sql("""
				UPDATE competition_objection SET resolution = :r, resolved_by = :by, resolved_at = :now,
				    version = version + 1 WHERE id = :id AND version = :v AND resolution IS NULL""")
			.param("r", resolution.strip()).param("by", user.username()).param("now", Timestamp.from(clock.instant()))
			.param("id", objectionId).param("v", version).update();
		if (updated == 0) {
			throw new ConflictException("objection " + objectionId + " changed meanwhile");
		}
		audit.record(user.username(), "OBJECTION_RESOLVED", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				resolution.strip());
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

	/**
	 * NOTICE → PUBLISHED once the notice period has ended and every objection is resolved: titles
	 * by tier for first places, promotion recommendations (at most one a year per person),
	 * certificate codes for prize winners, and one {@link CompetitionTitleConferred} per member and title.
	 */
	@Transactional
	public void publish(CurrentUser user, long competitionId, long version) {
		CompetitionView c = competitions.load(competitionId);
		permissions.requireOrganizer(user, c.organizerId());
		LocalDate today = LocalDate.now(clock);
		if (c.status() != CompetitionStatus.NOTICE) {
			throw new RuleViolationException(null, "competition.error.notNotice");
		}
		if (c.noticeEnds() != null && today.isBefore(c.noticeEnds())) {
			throw new RuleViolationException(null, "competition.error.noticeRunning", c.noticeEnds());
		}
		boolean open = jdbc.sql("SELECT COUNT(*) FROM competition_objection WHERE competition_id = :c AND resolution IS NULL")
			.param("c", competitionId).query(Long.class).single() > 0;
		if (open) {
			throw new RuleViolationException(null, "competition.error.openObjections");
		}
		competitions.setStatus(c, version, CompetitionStatus.PUBLISHED, null, today);
		int winners = confer(c, today);
		audit.record(user.username(), "PUBLISH", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				winners + " prize winners");
	}

	/**
	 * Titles, promotion recommendations and certificate codes for the prize winners of a
	 * competition just published, and one {@link CompetitionTitleConferred} per member and title.
	 * @return the number of prize-winning entries
	 */
	int confer(CompetitionView c, LocalDate today) {
		record Winner(long entryId, String tradeName, Integer rank, Integer prize) {
		}
		List<Winner> winners = jdbc.sql("""
				SELECT e.id, t.name, e.ranking, e.prize FROM competition_entry e JOIN competition_trade t ON t.id = e.trade_id
				WHERE e.competition_id = :c AND e.status = 'ACTIVE' AND e.prize IS NOT NULL ORDER BY e.id""")
			.param("c", c.id())
			.query((rs, n) -> new Winner(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class),
					rs.getObject(4, Integer.class)))
			.list();
		for (Winner w : winners) {
			List<String> titles = c.tier().titlesFor(w.rank());
			String certificate = newCertificateCode();
			boolean promotion = c.tier().recommendsPromotion() && w.prize() == 1;
			List<long[]> people = jdbc.sql("SELECT member_id, organization_id FROM competition_entry_member WHERE entry_id = :e")
				.param("e", w.entryId()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
			if (promotion) { // at most one recommendation a year per person
				promotion = people.stream().noneMatch(p -> jdbc.sql("""
						SELECT COUNT(*) FROM competition_entry e JOIN competition_entry_member m ON m.entry_id = e.id
						JOIN competition c ON c.id = e.competition_id
						WHERE m.member_id = :m AND e.promotion = TRUE AND c.competition_year = :y""")
					.param("m", p[0]).param("y", c.year()).query(Long.class).single() > 0);
			}
			jdbc.sql("UPDATE competition_entry SET titles = :titles, promotion = :p, certificate_code = :code WHERE id = :id")
				.param("titles", titles.isEmpty() ? null : String.join(",", titles)).param("p", promotion)
				.param("code", certificate).param("id", w.entryId()).update();
			for (long[] person : people) {
				for (String title : titles) {
					events.publishEvent(new CompetitionTitleConferred(person[0], person[1], title, c.id(), c.name(),
							w.tradeName(), c.year(), today, certificate));
				}
			}
		}
		return winners.size();
	}

	private String newCertificateCode() {
		return cn.unionportal.shared.certificate.CertificateCodes.newCode();
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
		List<ResultLine> lines = new ArrayList<>();
		Map<Long, String> names = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT m.entry_id, m.name FROM competition_entry_member m JOIN competition_entry e ON e.id = m.entry_id
				WHERE e.competition_id = :c AND (:t IS NULL OR e.trade_id = :t) AND e.status = 'ACTIVE'
				ORDER BY m.entry_id, m.member_id""")
			.param("c", competitionId).param("t", tradeId, java.sql.Types.BIGINT)
			.query(rs -> {
				names.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + "、" + b);
			});
		List<Long> orgIds = new ArrayList<>();
		jdbc.sql("""
				SELECT e.*, t.name AS trade_name, t.locked_at FROM competition_entry e
				JOIN competition_trade t ON t.id = e.trade_id
				WHERE e.competition_id = :c AND (:t IS NULL OR e.trade_id = :t) AND e.status = 'ACTIVE'
				ORDER BY t.id, e.ranking NULLS LAST, e.contestant_code""")
			.param("c", competitionId).param("t", tradeId, java.sql.Types.BIGINT)
			.query(rs -> {
				boolean decoded = rs.getTimestamp("locked_at") != null;
				long org = rs.getLong("organization_id");
				orgIds.add(org);
				String titles = rs.getString("titles");
				lines.add(new ResultLine(rs.getLong("id"), rs.getString("trade_name"), rs.getString("contestant_code"),
						decoded ? names.get(rs.getLong("id")) : null, String.valueOf(org),
						rs.getBigDecimal("theory_score"), rs.getBigDecimal("practical_score"),
						rs.getBigDecimal("total_score"), decoded ? rs.getObject("ranking", Integer.class) : null,
						decoded ? rs.getObject("prize", Integer.class) : null, rs.getBigDecimal("prize_amount"),
						titles == null ? List.of() : Arrays.asList(titles.split(",")), rs.getBoolean("promotion"),
						rs.getString("certificate_code")));
			});
		Map<Long, String> orgNames = organizations.namesOf(orgIds.stream().distinct().toList());
		return lines.stream().map(l -> new ResultLine(l.entryId(), l.tradeName(), l.code(), l.names(),
				orgNames.get(Long.valueOf(l.organizationName())), publicPage ? null : l.theory(),
				publicPage ? null : l.practical(), l.total(), l.rank(), l.prize(), l.prizeAmount(), l.titles(),
				l.promotion(), publicPage ? null : l.certificateCode())).toList();
	}

	/** Competitions whose results are public (notice or published), newest first. */
	@Transactional(readOnly = true)
	public List<CompetitionView> publicCompetitions() {
		return jdbc.sql("""
				SELECT c.* FROM competition c WHERE c.status IN ('NOTICE', 'PUBLISHED', 'ARCHIVED')
				ORDER BY c.competition_year DESC, c.name_sort_key LIMIT 200""")
			.query(CompetitionManagement::competition).list();
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
