package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions and their trades: the catalogue every staff user reads, creation by the
 * organizer's staff, the lifecycle, trades and their marking schemes. Editable rows carry a
 * version; an update names the version it read and a stale one is refused ({@link ConflictException}).
 */
@Service
public class CompetitionManagement {

	static final String SUBJECT = "COMPETITION";

	private final JdbcClient jdbc;

	private final CompetitionPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	CompetitionManagement(JdbcClient jdbc, CompetitionPermissions permissions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
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

	// ---- catalogue ----------------------------------------------------------------------------

	/** The catalogue (every staff user sees it): by year, newest first, then by name in pinyin order. */
	@Transactional(readOnly = true)
	public Page<CompetitionView> list(CurrentUser user, Integer year, String query, Pageable pageable) {
		permissions.requireStaff(user);
		String where = " WHERE (:year IS NULL OR c.competition_year = :year) AND (:q = '' OR LOWER(c.name) LIKE :like)";
		String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
		long total = jdbc.sql("SELECT COUNT(*) FROM competition c" + where)
			.param("year", year, java.sql.Types.INTEGER)
			.param("q", q)
			.param("like", "%" + q.replace("%", "").replace("_", "") + "%")
			.query(Long.class)
			.single();
		List<CompetitionView> rows = jdbc.sql(SELECT + where
				+ " ORDER BY c.competition_year DESC, c.name_sort_key, c.id LIMIT :limit OFFSET :offset")
			.param("year", year, java.sql.Types.INTEGER)
			.param("q", q)
			.param("like", "%" + q.replace("%", "").replace("_", "") + "%")
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(CompetitionManagement::competition)
			.list();
		return new PageImpl<>(withOrganizerNames(user, rows), pageable, total);
	}

	/** One competition of the catalogue (every staff user; judges through their sheets only). */
	@Transactional(readOnly = true)
	public CompetitionView get(CurrentUser user, long id) {
		permissions.requireStaff(user);
		return withOrganizerNames(user, List.of(load(id))).get(0);
	}

	CompetitionView load(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id")
			.param("id", id)
			.query(CompetitionManagement::competition)
			.optional()
			.orElseThrow(() -> new NotFoundException("competition", id));
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

	/** The next lifecycle step; the notice and publication steps go through {@link CompetitionResults}. */
	@Transactional
	public CompetitionStatus advance(CurrentUser user, long id, long version) {
		CompetitionView c = load(id);
		permissions.requireOrganizer(user, c.organizerId());
		CompetitionStatus next = c.status().next();
		if (next == null || next == CompetitionStatus.NOTICE || next == CompetitionStatus.PUBLISHED) {
			throw new RuleViolationException(null, "competition.error.useResultsStep");
		}
		if (next == CompetitionStatus.REGISTRATION_OPEN && trades(id).isEmpty()) {
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
		CompetitionView c = load(competitionId);
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
		TradeView trade = trade(tradeId);
		CompetitionView c = load(trade.competitionId());
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

	@Transactional(readOnly = true)
	public List<TradeView> trades(long competitionId) {
		return jdbc.sql(TRADE + " WHERE t.competition_id = :c ORDER BY t.id").param("c", competitionId)
			.query(CompetitionManagement::trade).list();
	}

	@Transactional(readOnly = true)
	public TradeView trade(long tradeId) {
		return jdbc.sql(TRADE + " WHERE t.id = :t").param("t", tradeId).query(CompetitionManagement::trade).optional()
			.orElseThrow(() -> new NotFoundException("trade", tradeId));
	}

	@Transactional(readOnly = true)
	public List<AspectView> aspects(long tradeId) {
		return jdbc.sql("SELECT * FROM competition_aspect WHERE trade_id = :t ORDER BY position").param("t", tradeId)
			.query((rs, n) -> new AspectView(rs.getLong("id"), rs.getLong("trade_id"), rs.getString("part"),
					rs.getString("kind"), rs.getString("name"), rs.getBigDecimal("max_mark"), rs.getString("descriptors"),
					rs.getInt("position")))
			.list();
	}

	private List<CompetitionView> withOrganizerNames(CurrentUser user, List<CompetitionView> rows) {
		Map<Long, String> names = permissions.scope(user).names(rows.stream().map(CompetitionView::organizerId).toList());
		return rows.stream().map(c -> new CompetitionView(c.id(), c.name(), c.year(), c.organizerId(),
				names.get(c.organizerId()), c.tier(), c.teamForm(), c.multipleTrades(), c.registrationOpens(),
				c.registrationCloses(), c.startsOn(), c.endsOn(), c.venue(), c.noticeDays(), c.noticeEnds(),
				c.publishedOn(), c.status(), c.version())).toList();
	}

	private static final String SELECT = "SELECT c.* FROM competition c";

	private static final String TRADE = """
			SELECT t.*, (SELECT COUNT(*) FROM competition_entry e WHERE e.trade_id = t.id AND e.status = 'ACTIVE') AS active
			FROM competition_trade t""";

	static CompetitionView competition(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CompetitionView(rs.getLong("id"), rs.getString("name"), rs.getInt("competition_year"),
				rs.getLong("organizer_id"), null, CompetitionTier.valueOf(rs.getString("tier")), rs.getBoolean("team_form"),
				rs.getBoolean("multiple_trades"), rs.getObject("registration_opens", LocalDate.class),
				rs.getObject("registration_closes", LocalDate.class), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getString("venue"), rs.getInt("notice_days"),
				rs.getObject("notice_ends", LocalDate.class), rs.getObject("published_on", LocalDate.class),
				CompetitionStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}

	static TradeView trade(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Set<EmploymentType> types = Arrays.stream(rs.getString("employment_types").split(","))
			.filter(s -> !s.isBlank()).map(EmploymentType::valueOf).collect(Collectors.toCollection(
					() -> java.util.EnumSet.noneOf(EmploymentType.class)));
		List<Scoring.PrizeLevel> prizes = List.of(
				new Scoring.PrizeLevel(rs.getInt("first_count"), rs.getBigDecimal("first_amount"), rs.getInt("first_min_entrants")),
				new Scoring.PrizeLevel(rs.getInt("second_count"), rs.getBigDecimal("second_amount"), rs.getInt("second_min_entrants")),
				new Scoring.PrizeLevel(rs.getInt("third_count"), rs.getBigDecimal("third_amount"), rs.getInt("third_min_entrants")));
		return new TradeView(rs.getLong("id"), rs.getLong("competition_id"), rs.getString("name"),
				rs.getInt("theory_weight"), rs.getInt("practical_weight"), rs.getInt("capacity"), rs.getInt("min_age"),
				rs.getInt("max_age"), types, rs.getInt("min_skill_grade"), rs.getInt("quota_per_org"),
				rs.getInt("judge_count"), TrimRule.valueOf(rs.getString("trim_rule")), rs.getBigDecimal("flag_spread"),
				TieBreak.parse(rs.getString("tie_breaks")), prizes, rs.getTimestamp("locked_at") != null,
				rs.getLong("active"), rs.getLong("version"));
	}
}
