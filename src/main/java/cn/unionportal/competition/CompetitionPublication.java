package cn.unionportal.competition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.certificate.CertificateCodes;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results, the write side: the public notice (公示) with objections recorded and resolved, then
 * publication (titles by tier, skill-grade promotion recommendations, certificate codes, one
 * {@link CompetitionTitleConferred} per member and title). Read with {@link CompetitionResults}.
 */
@Service
public class CompetitionPublication {

	private final JdbcClient jdbc;

	private final CompetitionCatalogue catalogue;

	private final CompetitionManagement competitions;

	private final CompetitionPermissions permissions;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	CompetitionPublication(JdbcClient jdbc, CompetitionCatalogue catalogue, CompetitionManagement competitions,
			CompetitionPermissions permissions, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.competitions = competitions;
		this.permissions = permissions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- notice, objections, publication (organizer) ----------------------------------------------

	/** SCORING → NOTICE once every trade is locked; the notice runs for the competition's notice days. */
	@Transactional
	public void startNotice(CurrentUser user, long competitionId, long version) {
		CompetitionView c = catalogue.load(competitionId);
		permissions.requireOrganizer(user, c.organizerId());
		if (c.status() != CompetitionStatus.SCORING) {
			throw new RuleViolationException(null, "competition.error.notScoring");
		}
		List<TradeView> trades = catalogue.trades(competitionId);
		if (trades.isEmpty() || !trades.stream().allMatch(TradeView::locked)) {
			throw new RuleViolationException(null, "competition.error.tradesUnlocked");
		}
		competitions.setStatus(c, version, CompetitionStatus.NOTICE, LocalDate.now(clock).plusDays(c.noticeDays()), null);
		audit.record(user.username(), "NOTICE", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				"until " + LocalDate.now(clock).plusDays(c.noticeDays()));
	}

	@Transactional
	public long recordObjection(CurrentUser user, long competitionId, String content) {
		CompetitionView c = catalogue.load(competitionId);
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
		CompetitionView c = catalogue.load(competitionId);
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

	/**
	 * NOTICE → PUBLISHED once the notice period has ended and every objection is resolved: titles
	 * by tier for first places, promotion recommendations (at most one a year per person),
	 * certificate codes for prize winners, and one {@link CompetitionTitleConferred} per member and title.
	 */
	@Transactional
	public void publish(CurrentUser user, long competitionId, long version) {
		CompetitionView c = catalogue.load(competitionId);
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
			String certificate = CertificateCodes.newCode();
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
			// every title of every member of the entry carries the entry's certificate, the one that
			// verifies on /verify (the honour register keys on code, member and kind: V31)
			for (long[] person : people) {
				for (String title : titles) {
					events.publishEvent(new CompetitionTitleConferred(person[0], person[1], title, c.id(), c.name(),
							w.tradeName(), c.year(), today, certificate));
				}
			}
		}
		return winners.size();
	}
}
