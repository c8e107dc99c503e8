package cn.unionportal.competition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.competition.CompetitionManagement.AspectView;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions and their trades, the read side: the catalogue every staff user reads, one
 * competition, its trades and their marking schemes. Changes go through {@link CompetitionManagement}.
 */
@Service
public class CompetitionCatalogue {

	private final JdbcClient jdbc;

	private final CompetitionPermissions permissions;

	CompetitionCatalogue(JdbcClient jdbc, CompetitionPermissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
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
			.query(CompetitionCatalogue::competition)
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
			.query(CompetitionCatalogue::competition)
			.optional()
			.orElseThrow(() -> new NotFoundException("competition", id));
	}

	@Transactional(readOnly = true)
	public List<TradeView> trades(long competitionId) {
		return jdbc.sql(TRADE + " WHERE t.competition_id = :c ORDER BY t.id").param("c", competitionId)
			.query(CompetitionCatalogue::trade).list();
	}

	@Transactional(readOnly = true)
	public TradeView trade(long tradeId) {
		return jdbc.sql(TRADE + " WHERE t.id = :t").param("t", tradeId).query(CompetitionCatalogue::trade).optional()
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
