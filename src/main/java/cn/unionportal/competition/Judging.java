package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.AspectView;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The judges' side of marking: a judge's trades, the blind score sheet (contestant codes only),
 * marks with conflict-of-interest blocks, and signing. A judge reaches only the sheets of the
 * trades they sit on; any other trade answers 404. The chief judge's steps are in
 * {@link ChiefJudging}, the pool and panels in {@link JudgePool}.
 */
@Service
public class Judging {

	private final JdbcClient jdbc;

	private final CompetitionCatalogue competitions;

	private final JudgePool pool;

	private final Ranking ranking;

	private final AuditTrail audit;

	private final Clock clock;

	Judging(JdbcClient jdbc, CompetitionCatalogue competitions, JudgePool pool, Ranking ranking, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.pool = pool;
		this.ranking = ranking;
		this.audit = audit;
		this.clock = clock;
	}

	public record JudgeData(String name, long organizationId, String qualification, String trades, Long memberId,
			String accountUsername) {
	}

	public record JudgeView(long id, String name, long organizationId, String organizationName, String qualification,
			String trades, String accountUsername) {
	}

	public record PanelSeat(long judgeId, String judgeName, boolean chief, boolean signed, long version) {
	}

	/** A judge's trade as listed on their start page. */
	public record Assignment(long tradeId, String tradeName, long competitionId, String competitionName, boolean chief,
			boolean signed, boolean locked) {
	}

	/** A sheet row: one entry by code, the judge's marks by aspect, flags, and whether it is blocked. */
	public record SheetRow(long entryId, String code, Integer station, Map<Long, BigDecimal> marks,
			Set<Long> flagged, boolean conflicted, Integer minutesUsed) {
	}

	public record Sheet(TradeView trade, CompetitionView competition, JudgeView judge, boolean chief, boolean signed,
			long version, List<AspectView> aspects, List<SheetRow> rows, List<PanelSeat> panel) {

		public boolean editable() {
			return !signed && !trade.locked() && competition.status().marking();
		}

		public boolean hasTheory() {
			return aspects.stream().anyMatch(AspectView::theory);
		}

		/** The theory aspects' names, the headings of a theory-score sheet's columns B…. */
		public String theoryNames() {
			return String.join("、", aspects.stream().filter(AspectView::theory).map(AspectView::name).toList());
		}
	}

	// ---- the judge's side ------------------------------------------------------------------------

	/** The judge record of a signed-in judge account (404 for any other account). */
	JudgeView judgeOf(CurrentUser user) {
		if (!user.has(StaffRole.JUDGE)) {
			throw new NotFoundException("judge", user.username());
		}
		return jdbc.sql("SELECT * FROM competition_judge WHERE account_username = :u").param("u", user.username())
			.query((rs, n) -> judge(rs)).optional().orElseThrow(() -> new NotFoundException("judge", user.username()));
	}

	@Transactional(readOnly = true)
	public List<Assignment> assignments(CurrentUser user) {
		JudgeView judge = judgeOf(user);
		return jdbc.sql("""
				SELECT p.trade_id, t.name AS trade_name, c.id AS competition_id, c.name AS competition_name, p.chief,
				       p.signed_at, t.locked_at
				FROM competition_panel p JOIN competition_trade t ON t.id = p.trade_id
				JOIN competition c ON c.id = t.competition_id
				WHERE p.judge_id = :j ORDER BY c.competition_year DESC, c.id DESC, t.id""")
			.param("j", judge.id())
			.query((rs, n) -> new Assignment(rs.getLong("trade_id"), rs.getString("trade_name"),
					rs.getLong("competition_id"), rs.getString("competition_name"), rs.getBoolean("chief"),
					rs.getTimestamp("signed_at") != null, rs.getTimestamp("locked_at") != null))
			.list();
	}

	/** The judge's blind sheet for a trade they sit on (404 for any other trade). */
	@Transactional(readOnly = true)
	public Sheet sheet(CurrentUser user, long tradeId) {
		JudgeView judge = judgeOf(user);
		PanelSeat seat = seatOf(judge, tradeId);
		TradeView trade = competitions.trade(tradeId);
		CompetitionView c = competitions.load(trade.competitionId());
		List<AspectView> aspects = competitions.aspects(tradeId);
		Map<Long, Set<Long>> orgs = entryOrganizations(tradeId);
		Map<Long, Map<Long, Map<Long, BigDecimal>>> all = ranking.marks(tradeId); // entry → aspect → judge → mark
		List<SheetRow> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT id, contestant_code, station, time_used_minutes FROM competition_entry
				WHERE trade_id = :t AND status = 'ACTIVE' ORDER BY station NULLS LAST, contestant_code""")
			.param("t", tradeId)
			.query(rs -> {
				long entryId = rs.getLong("id");
				Map<Long, BigDecimal> mine = new HashMap<>();
				Set<Long> flagged = new HashSet<>();
				all.getOrDefault(entryId, Map.of()).forEach((aspect, byJudge) -> {
					BigDecimal mark = byJudge.get(judge.id());
					if (mark != null) {
						mine.put(aspect, mark);
						List<BigDecimal> others = byJudge.entrySet().stream().filter(e -> e.getKey() != judge.id())
							.map(Map.Entry::getValue).toList();
						if (Scoring.outlying(mark, others, trade.flagSpread())) {
							flagged.add(aspect);
						}
					}
				});
				rows.add(new SheetRow(entryId, rs.getString("contestant_code"), rs.getObject("station", Integer.class),
						mine, flagged, Scoring.conflicted(judge.organizationId(), orgs.getOrDefault(entryId, Set.of())),
						rs.getObject("time_used_minutes", Integer.class)));
			});
		return new Sheet(trade, c, judge, seat.chief(), seat.signed(), seat.version(), aspects, rows, pool.panel(tradeId));
	}

	/**
	 * Saves the judge's marks for one entry. Refused: a conflicted entry, a mark out of range, a
	 * signed sheet or locked trade, a stale sheet version (another tab saved meanwhile).
	 */
	@Transactional
	public void mark(CurrentUser user, long tradeId, long entryId, long sheetVersion, Map<Long, BigDecimal> marks) {
		JudgeView judge = judgeOf(user);
		PanelSeat seat = seatOf(judge, tradeId);
		TradeView trade = competitions.trade(tradeId);
		CompetitionView c = competitions.load(trade.competitionId());
		Set<Long> entryOrgs = requireActiveEntry(tradeId, entryId);
		if (Scoring.conflicted(judge.organizationId(), entryOrgs)) {
			audit.record(user.username(), "MARK_BLOCKED", CompetitionManagement.SUBJECT, c.id(), judge.organizationId(),
					"conflict of interest, entry " + entryId);
			throw new RuleViolationException(null, "competition.mark.error.conflict");
		}
		if (seat.signed() || trade.locked()) {
			throw new RuleViolationException(null, "competition.mark.error.locked");
		}
		if (!c.status().marking()) {
			throw new RuleViolationException(null, "competition.mark.error.notMarking");
		}
		Map<Long, AspectView> aspects = new HashMap<>();
		competitions.aspects(tradeId).forEach(a -> aspects.put(a.id(), a));
		for (var given : marks.entrySet()) {
			AspectView aspect = aspects.get(given.getKey());
			if (aspect == null) {
				throw new NotFoundException("aspect", given.getKey());
			}
			if (given.getValue().signum() < 0 || given.getValue().compareTo(aspect.maxMark()) > 0) {
				throw new RuleViolationException("marks", "competition.mark.error.range", aspect.name(), aspect.maxMark());
			}
		}
		bumpSheet(tradeId, judge.id(), sheetVersion);
		marks.forEach((aspect, mark) -> upsert(entryId, aspect, judge.id(), mark));
	}

	void upsert(long entryId, long aspectId, long judgeId, BigDecimal mark) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("""
				UPDATE competition_mark SET mark = :mark, version = version + 1, updated_at = :now
				WHERE entry_id = :e AND aspect_id = :a AND judge_id = :j""")
			.param("mark", mark).param("now", now).param("e", entryId).param("a", aspectId).param("j", judgeId).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO competition_mark (entry_id, aspect_id, judge_id, mark, updated_at)
					VALUES (:e, :a, :j, :mark, :now)""")
				.param("mark", mark).param("now", now).param("e", entryId).param("a", aspectId).param("j", judgeId)
				.update();
		}
	}

	void bumpSheet(long tradeId, long judgeId, long version) {
		int updated = jdbc.sql("""
				UPDATE competition_panel SET version = version + 1
				WHERE trade_id = :t AND judge_id = :j AND version = :v AND signed_at IS NULL""")
			.param("t", tradeId).param("j", judgeId).param("v", version).update();
		if (updated == 0) {
			throw new ConflictException("sheet of judge " + judgeId + " changed meanwhile");
		}
	}

	/** The judge signs (locks) their sheet: every active, unconflicted entry must be fully marked. */
	@Transactional
	public void sign(CurrentUser user, long tradeId, long sheetVersion) {
		Sheet sheet = sheet(user, tradeId);
		if (sheet.signed()) {
			throw new RuleViolationException(null, "competition.mark.error.locked");
		}
		boolean complete = sheet.rows().stream().filter(r -> !r.conflicted())
			.allMatch(r -> r.marks().keySet().containsAll(sheet.aspects().stream().map(AspectView::id).toList()));
		if (!complete) {
			throw new RuleViolationException(null, "competition.mark.error.incomplete");
		}
		bumpSheet(tradeId, sheet.judge().id(), sheetVersion);
		jdbc.sql("UPDATE competition_panel SET signed_at = :now WHERE trade_id = :t AND judge_id = :j")
			.param("now", Timestamp.from(clock.instant())).param("t", tradeId).param("j", sheet.judge().id()).update();
		audit.record(user.username(), "SIGN_SHEET", CompetitionManagement.SUBJECT, sheet.competition().id(),
				sheet.judge().organizationId(), sheet.trade().name());
	}

	PanelSeat seatOf(JudgeView judge, long tradeId) {
		return pool.panel(tradeId).stream().filter(s -> s.judgeId() == judge.id()).findFirst()
			.orElseThrow(() -> new NotFoundException("trade", tradeId));
	}

	Set<Long> requireActiveEntry(long tradeId, long entryId) {
		Optional<Long> found = jdbc.sql("SELECT organization_id FROM competition_entry WHERE id = :e AND trade_id = :t AND status = 'ACTIVE'")
			.param("e", entryId).param("t", tradeId).query(Long.class).optional();
		if (found.isEmpty()) {
			throw new NotFoundException("entry", entryId);
		}
		Set<Long> orgs = new HashSet<>(jdbc.sql("SELECT organization_id FROM competition_entry_member WHERE entry_id = :e")
			.param("e", entryId).query(Long.class).list());
		orgs.add(found.get());
		return orgs;
	}

	/** Organizations of each active entry: its registering organization and its members' unions. */
	Map<Long, Set<Long>> entryOrganizations(long tradeId) {
		Map<Long, Set<Long>> orgs = new HashMap<>();
		jdbc.sql("""
				SELECT e.id, e.organization_id AS registering, m.organization_id AS own
				FROM competition_entry e JOIN competition_entry_member m ON m.entry_id = e.id
				WHERE e.trade_id = :t AND e.status = 'ACTIVE'""")
			.param("t", tradeId)
			.query(rs -> {
				Set<Long> set = orgs.computeIfAbsent(rs.getLong("id"), k -> new HashSet<>());
				set.add(rs.getLong("registering"));
				set.add(rs.getLong("own"));
			});
		return orgs;
	}

	static JudgeView judge(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new JudgeView(rs.getLong("id"), rs.getString("name"), rs.getLong("organization_id"), null,
				rs.getString("qualification"), rs.getString("trades"), rs.getString("account_username"));
	}
}
