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
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judges and marking: the judge pool, each trade's panel with its chief judge, blind score sheets
 * (contestant codes only), conflict-of-interest blocks, signing sheets, the chief judge's lock
 * and audited corrections after it. A judge reaches only the sheets of the trades they sit on;
 * any other trade answers 404.
 */
@Service
public class Judging {

	private final JdbcClient jdbc;

	private final CompetitionManagement competitions;

	private final CompetitionPermissions permissions;

	private final Ranking ranking;

	private final AuditTrail audit;

	private final Clock clock;

	Judging(JdbcClient jdbc, CompetitionManagement competitions, CompetitionPermissions permissions, Ranking ranking,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.permissions = permissions;
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
	}

	// ---- pool and panels (organizer's staff) -------------------------------------------------------

	@Transactional
	public long addJudge(CurrentUser user, JudgeData data) {
		permissions.requireStaff(user);
		permissions.scope(user).require(data.organizationId());
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO competition_judge (name, name_sort_key, organization_id, qualification, trades, member_id,
					    account_username, created_at)
					VALUES (:name, :key, :org, :q, :trades, :member, :account, :now)""")
				.param("name", data.name().strip()).param("key", ChineseNames.personSortKey(data.name().strip()))
				.param("org", data.organizationId()).param("q", data.qualification().strip())
				.param("trades", data.trades().strip()).param("member", data.memberId(), java.sql.Types.BIGINT)
				.param("account", blankToNull(data.accountUsername()))
				.param("now", Timestamp.from(clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException taken) {
			throw new RuleViolationException("accountUsername", "competition.judge.error.accountTaken");
		}
		long id = keys.getKey().longValue();
		audit.record(user.username(), "ADD_JUDGE", "COMPETITION_JUDGE", id, data.organizationId(), data.name());
		return id;
	}

	/** The judge pool of the user's scope, in pinyin order. */
	@Transactional(readOnly = true)
	public List<JudgeView> pool(CurrentUser user) {
		permissions.requireStaff(user);
		Scope scope = permissions.scope(user);
		List<JudgeView> rows = jdbc.sql("SELECT * FROM competition_judge j WHERE j.organization_id" + Scope.SUBTREE
				+ " ORDER BY j.name_sort_key, j.id LIMIT 500")
			.param(Scope.PARAMETER, scope.rootId())
			.query((rs, n) -> judge(rs))
			.list();
		Map<Long, String> names = scope.names(rows.stream().map(JudgeView::organizationId).toList());
		return rows.stream().map(j -> new JudgeView(j.id(), j.name(), j.organizationId(), names.get(j.organizationId()),
				j.qualification(), j.trades(), j.accountUsername())).toList();
	}

	/** Seats a judge of the pool on a trade's panel (organizer); the chief judge is one per trade. */
	@Transactional
	public void seat(CurrentUser user, long tradeId, long judgeId, boolean chief) {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView c = competitions.load(trade.competitionId());
		permissions.requireOrganizer(user, c.organizerId());
		JudgeView judge = jdbc.sql("SELECT * FROM competition_judge WHERE id = :id").param("id", judgeId)
			.query((rs, n) -> judge(rs)).optional().orElseThrow(() -> new NotFoundException("judge", judgeId));
		List<PanelSeat> panel = panel(tradeId);
		if (panel.stream().anyMatch(s -> s.judgeId() == judgeId)) {
			throw new RuleViolationException("judgeId", "competition.judge.error.seated", judge.name());
		}
		if (panel.size() >= trade.judgeCount()) {
			throw new RuleViolationException("judgeId", "competition.judge.error.panelFull", trade.judgeCount());
		}
		if (chief && panel.stream().anyMatch(PanelSeat::chief)) {
			throw new RuleViolationException("chief", "competition.judge.error.chiefTaken");
		}
		jdbc.sql("INSERT INTO competition_panel (trade_id, judge_id, chief) VALUES (:t, :j, :chief)")
			.param("t", tradeId).param("j", judgeId).param("chief", chief).update();
		audit.record(user.username(), "SEAT_JUDGE", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				trade.name() + ": " + judge.name() + (chief ? " (chief)" : ""));
	}

	@Transactional(readOnly = true)
	public List<PanelSeat> panel(long tradeId) {
		return jdbc.sql("""
				SELECT p.*, j.name FROM competition_panel p JOIN competition_judge j ON j.id = p.judge_id
				WHERE p.trade_id = :t ORDER BY p.chief DESC, j.name_sort_key""")
			.param("t", tradeId)
			.query((rs, n) -> new PanelSeat(rs.getLong("judge_id"), rs.getString("name"), rs.getBoolean("chief"),
					rs.getTimestamp("signed_at") != null, rs.getLong("version")))
			.list();
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
		return new Sheet(trade, c, judge, seat.chief(), seat.signed(), seat.version(), aspects, rows, panel(tradeId));
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

	private void upsert(long entryId, long aspectId, long judgeId, BigDecimal mark) {
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

	private void bumpSheet(long tradeId, long judgeId, long version) {
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

	/** The chief judge locks the trade once every sheet is signed; the ranking is computed. */
	@Transactional
	public void lock(CurrentUser user, long tradeId) {
		Sheet sheet = sheet(user, tradeId);
		if (!sheet.chief()) {
			throw new cn.unionportal.shared.ForbiddenException("chief judge only");
		}
		if (sheet.trade().locked()) {
			throw new RuleViolationException(null, "competition.error.tradeLocked");
		}
		if (sheet.panel().isEmpty() || !sheet.panel().stream().allMatch(PanelSeat::signed)) {
			throw new RuleViolationException(null, "competition.mark.error.unsignedSheets");
		}
		int updated = jdbc.sql("""
				UPDATE competition_trade SET locked_at = :now, version = version + 1 WHERE id = :t AND locked_at IS NULL""")
			.param("now", Timestamp.from(clock.instant())).param("t", tradeId).update();
		if (updated == 0) {
			throw new ConflictException("trade " + tradeId + " locked meanwhile");
		}
		ranking.recompute(tradeId);
		audit.record(user.username(), "LOCK_TRADE", CompetitionManagement.SUBJECT, sheet.competition().id(),
				sheet.competition().organizerId(), sheet.trade().name());
	}

	/** The chief judge records the time an entry used (the tie-break), before the lock. */
	@Transactional
	public void recordTime(CurrentUser user, long tradeId, long entryId, int minutes) {
		Sheet sheet = sheet(user, tradeId);
		if (!sheet.chief()) {
			throw new cn.unionportal.shared.ForbiddenException("chief judge only");
		}
		requireActiveEntry(tradeId, entryId);
		if (sheet.trade().locked()) {
			throw new RuleViolationException(null, "competition.error.tradeLocked");
		}
		if (minutes < 0 || minutes > 10_000) {
			throw new RuleViolationException("minutes", "competition.mark.error.minutes");
		}
		jdbc.sql("UPDATE competition_entry SET time_used_minutes = :m, version = version + 1 WHERE id = :e")
			.param("m", minutes).param("e", entryId).update();
	}

	/** A correction after the lock: by the chief judge, with a reason, audited; the ranking is recomputed. */
	@Transactional
	public void correct(CurrentUser user, long tradeId, long entryId, long aspectId, long judgeId, BigDecimal mark,
			String reason) {
		Sheet sheet = sheet(user, tradeId);
		if (!sheet.chief()) {
			throw new cn.unionportal.shared.ForbiddenException("chief judge only");
		}
		if (!sheet.trade().locked()) {
			throw new RuleViolationException(null, "competition.mark.error.correctAfterLock");
		}
		if (sheet.competition().status().compareTo(CompetitionStatus.PUBLISHED) >= 0) {
			throw new RuleViolationException(null, "competition.error.resultsOut");
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "competition.entry.error.reason");
		}
		requireActiveEntry(tradeId, entryId);
		AspectView aspect = sheet.aspects().stream().filter(a -> a.id() == aspectId).findFirst()
			.orElseThrow(() -> new NotFoundException("aspect", aspectId));
		if (mark.signum() < 0 || mark.compareTo(aspect.maxMark()) > 0) {
			throw new RuleViolationException("mark", "competition.mark.error.range", aspect.name(), aspect.maxMark());
		}
		if (sheet.panel().stream().noneMatch(s -> s.judgeId() == judgeId)) {
			throw new NotFoundException("judge", judgeId);
		}
		BigDecimal before = jdbc.sql("SELECT mark FROM competition_mark WHERE entry_id = :e AND aspect_id = :a AND judge_id = :j")
			.param("e", entryId).param("a", aspectId).param("j", judgeId).query(BigDecimal.class).optional().orElse(null);
		upsert(entryId, aspectId, judgeId, mark);
		ranking.recompute(tradeId);
		audit.record(user.username(), "CORRECT_MARK", CompetitionManagement.SUBJECT, sheet.competition().id(),
				sheet.competition().organizerId(), "entry " + entryId + " aspect " + aspect.name() + " judge " + judgeId
						+ ": " + before + " → " + mark + "; " + reason.strip());
	}

	private PanelSeat seatOf(JudgeView judge, long tradeId) {
		return panel(tradeId).stream().filter(s -> s.judgeId() == judge.id()).findFirst()
			.orElseThrow(() -> new NotFoundException("trade", tradeId));
	}

	private Set<Long> requireActiveEntry(long tradeId, long entryId) {
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
	private Map<Long, Set<Long>> entryOrganizations(long tradeId) {
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

	private static JudgeView judge(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new JudgeView(rs.getLong("id"), rs.getString("name"), rs.getLong("organization_id"), null,
				rs.getString("qualification"), rs.getString("trades"), rs.getString("account_username"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
