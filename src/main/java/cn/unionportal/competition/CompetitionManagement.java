package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions and their trades, the write side: creation by the organizer's staff, the
 * lifecycle, trades and their marking schemes (read them with {@link CompetitionCatalogue}). Editable rows carry a
 * version; an update names the version it read and a stale one is refused ({@link ConflictException}).
 */
@Service
public class CompetitionManagement {

	static final String SUBJECT = "COMPETITION";

	private final JdbcClient jdbc;

	private final CompetitionPermissions permissions;

	private final CompetitionCatalogue catalogue;

	private final AuditTrail audit;

	private final Clock clock;

	CompetitionManagement(JdbcClient jdbc, CompetitionCatalogue catalogue, CompetitionPermissions permissions,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	public record CompetitionData(String name, int year, long organizerId, CompetitionTier tier, boolean teamForm,
			boolean multipleTrades, LocalDate registrationOpens, LocalDate registrationCloses, LocalDate startsOn,
			LocalDate endsOn, String venue, int noticeDays) {
	}

	public record CompetitionView(long id, String name, int year, long organizerId, String organizerName,
			CompetitionTier tier, boolean teamForm, boolean multipleTrades, LocalDate registrationOpens,
			LocalDate registrationCloses, LocalDate startsOn, LocalDate endsOn, String venue, int noticeDays,
			LocalDate noticeEnds, LocalDate publishedOn, CompetitionStatus status, long version) {

		public boolean registrationOpenOn(LocalDate day) {
			return status == CompetitionStatus.REGISTRATION_OPEN && !day.isBefore(registrationOpens)
					&& !day.isAfter(registrationCloses);
		}
	}

	public record TradeData(String name, int theoryWeight, int practicalWeight, int capacity, int minAge, int maxAge,
			Set<EmploymentType> employmentTypes, int minSkillGrade, int quotaPerOrganization, int judgeCount,
			TrimRule trimRule, BigDecimal flagSpread, String tieBreaks, List<Scoring.PrizeLevel> prizes) {
	}

	public record TradeView(long id, long competitionId, String name, int theoryWeight, int practicalWeight,
			int capacity, int minAge, int maxAge, Set<EmploymentType> employmentTypes, int minSkillGrade,
			int quotaPerOrganization, int judgeCount, TrimRule trimRule, BigDecimal flagSpread,
			List<TieBreak> tieBreaks, List<Scoring.PrizeLevel> prizes, boolean locked, long activeEntries,
			long version) {
	}

	public record AspectView(long id, long tradeId, String part, String kind, String name, BigDecimal maxMark,
			String descriptors, int position) {

		public boolean theory() {
			return "THEORY".equals(part);
		}
	}

	@Transactional
	public long create(CurrentUser user, CompetitionData data) {
		permissions.requireMayCreate(user, data.organizerId());
		check(data);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(clock.instant());
		try {
			jdbc.sql("""
					INSERT INTO competition (name, name_sort_key, competition_year, organizer_id, tier, team_form,
					    multiple_trades, registration_opens, registration_closes, starts_on, ends_on, venue, notice_days,
					    status, created_by, created_at, updated_at)
					VALUES (:name, :sortKey, :year, :organizer, :tier, :team, :multiple, :opens, :closes, :starts, :ends,
					    :venue, :noticeDays, 'DRAFT', :by, :now, :now)""")
				.param("name", data.name().strip())
				.param("sortKey", ChineseNames.sortKey(data.name().strip()))
				.param("year", data.year())
				.param("organizer", data.organizerId())
				.param("tier", data.tier().name())
				.param("team", data.teamForm())
				.param("multiple", data.multipleTrades())
				.param("opens", data.registrationOpens())
				.param("closes", data.registrationCloses())
				.param("starts", data.startsOn())
				.param("ends", data.endsOn())
				.param("venue", data.venue().strip())
				.param("noticeDays", data.noticeDays())
				.param("by", user.username())
				.param("now", now)
				.update(keys, "id");
		}
		catch (DuplicateKeyException duplicate) {
			throw new RuleViolationException("name", "competition.error.duplicateName");
		}
		long id = keys.getKey().longValue();
		audit.record(user.username(), "CREATE", SUBJECT, id, data.organizerId(), data.name() + " " + data.tier());
		return id;
	}

	private static void check(CompetitionData data) {
		if (data.registrationCloses().isBefore(data.registrationOpens())) {
			throw new RuleViolationException("registrationCloses", "competition.error.window");
		}
		if (data.endsOn().isBefore(data.startsOn())) {
			throw new RuleViolationException("endsOn", "competition.error.dates");
		}
		if (data.startsOn().isBefore(data.registrationOpens())) {
			throw new RuleViolationException("startsOn", "competition.error.startsBeforeRegistration");
		}
	}

	/** The next lifecycle step; the notice and publication steps go through {@link CompetitionPublication}. */
	@Transactional
	public CompetitionStatus advance(CurrentUser user, long id, long version) {
		CompetitionView c = catalogue.load(id);
		permissions.requireOrganizer(user, c.organizerId());
		CompetitionStatus next = c.status().next();
		if (next == null || next == CompetitionStatus.NOTICE || next == CompetitionStatus.PUBLISHED) {
			throw new RuleViolationException(null, "competition.error.useResultsStep");
		}
		if (next == CompetitionStatus.REGISTRATION_OPEN && catalogue.trades(id).isEmpty()) {
			throw new RuleViolationException(null, "competition.error.noTrades");
		}
		setStatus(c, version, next, null, null);
		audit.record(user.username(), "STATUS", SUBJECT, id, c.organizerId(), c.status() + " → " + next);
		return next;
	}

	void setStatus(CompetitionView c, long version, CompetitionStatus next, LocalDate noticeEnds, LocalDate publishedOn) {
		int updated = jdbc.sql("""
				UPDATE competition SET status = :status, notice_ends = COALESCE(:noticeEnds, notice_ends),
				    published_on = COALESCE(:publishedOn, published_on), version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("status", next.name())
			.param("noticeEnds", noticeEnds, java.sql.Types.DATE)
			.param("publishedOn", publishedOn, java.sql.Types.DATE)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", c.id())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new ConflictException("competition " + c.id() + " changed meanwhile");
		}
	}

	// ---- trades -------------------------------------------------------------------------------

	@Transactional
	public long addTrade(CurrentUser user, long competitionId, TradeData data) {
		CompetitionView c = catalogue.load(competitionId);
		permissions.requireOrganizer(user, c.organizerId());
		if (c.status().compareTo(CompetitionStatus.REGISTRATION_OPEN) > 0) {
			throw new RuleViolationException(null, "competition.error.tradesFixed");
		}
		if (data.theoryWeight() + data.practicalWeight() != 100) {
			throw new RuleViolationException("practicalWeight", "competition.error.weights");
		}
		if (data.maxAge() < data.minAge()) {
			throw new RuleViolationException("maxAge", "competition.error.ages");
		}
		try {
			TieBreak.parse(data.tieBreaks());
		}
		catch (IllegalArgumentException bad) {
			throw new RuleViolationException("tieBreaks", "competition.error.tieBreaks");
		}
		List<Scoring.PrizeLevel> p = data.prizes();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO competition_trade (competition_id, name, theory_weight, practical_weight, capacity, min_age,
					    max_age, employment_types, min_skill_grade, quota_per_org, judge_count, trim_rule, flag_spread,
					    tie_breaks, first_count, first_amount, first_min_entrants, second_count, second_amount,
					    second_min_entrants, third_count, third_amount, third_min_entrants)
					VALUES (:competition, :name, :tw, :pw, :capacity, :minAge, :maxAge, :types, :grade, :quota, :judges,
					    :trim, :spread, :ties, :c1, :a1, :m1, :c2, :a2, :m2, :c3, :a3, :m3)""")
				.param("competition", competitionId)
				.param("name", data.name().strip())
				.param("tw", data.theoryWeight())
				.param("pw", data.practicalWeight())
				.param("capacity", data.capacity())
				.param("minAge", data.minAge())
				.param("maxAge", data.maxAge())
				.param("types", data.employmentTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
				.param("grade", data.minSkillGrade())
				.param("quota", data.quotaPerOrganization())
				.param("judges", data.judgeCount())
				.param("trim", data.trimRule().name())
				.param("spread", data.flagSpread())
				.param("ties", data.tieBreaks())
				.param("c1", p.get(0).count()).param("a1", p.get(0).amount()).param("m1", p.get(0).minEntrants())
				.param("c2", p.get(1).count()).param("a2", p.get(1).amount()).param("m2", p.get(1).minEntrants())
				.param("c3", p.get(2).count()).param("a3", p.get(2).amount()).param("m3", p.get(2).minEntrants())
				.update(keys, "id");
		}
		catch (DuplicateKeyException duplicate) {
			throw new RuleViolationException("name", "competition.error.duplicateTrade");
		}
		long id = keys.getKey().longValue();
		audit.record(user.username(), "ADD_TRADE", SUBJECT, competitionId, c.organizerId(), data.name());
		return id;
	}

	/** Adds an aspect to a trade's marking scheme (before any mark is given). */
	@Transactional
	public long addAspect(CurrentUser user, long tradeId, String part, String kind, String name, BigDecimal maxMark,
			String descriptors) {
		TradeView trade = catalogue.trade(tradeId);
		CompetitionView c = catalogue.load(trade.competitionId());
		permissions.requireOrganizer(user, c.organizerId());
		if (c.status().marking() || c.status().resultsPublic()) {
			throw new RuleViolationException(null, "competition.error.schemeFixed");
		}
		int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM competition_aspect WHERE trade_id = :t")
			.param("t", tradeId).query(Integer.class).single();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO competition_aspect (trade_id, part, kind, name, max_mark, descriptors, position)
					VALUES (:t, :part, :kind, :name, :max, :descriptors, :position)""")
				.param("t", tradeId).param("part", part).param("kind", kind).param("name", name.strip())
				.param("max", maxMark).param("descriptors", descriptors).param("position", position)
				.update(keys, "id");
		}
		catch (DuplicateKeyException duplicate) {
			throw new RuleViolationException("name", "competition.error.duplicateAspect");
		}
		audit.record(user.username(), "ADD_ASPECT", SUBJECT, c.id(), c.organizerId(), trade.name() + ": " + name);
		return keys.getKey().longValue();
	}
}
