package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.AspectView;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chief judge's steps on a trade: the times used (a tie-break) before the lock, the lock once
 * every sheet is signed (the ranking is computed), and corrections after it, with a reason and audited.
 */
@Service
public class ChiefJudging {

	private final JdbcClient jdbc;

	private final Judging judging;

	private final Ranking ranking;

	private final AuditTrail audit;

	private final Clock clock;

	ChiefJudging(JdbcClient jdbc, Judging judging, Ranking ranking, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.judging = judging;
		this.ranking = ranking;
		this.audit = audit;
		this.clock = clock;
	}

	/** The chief judge locks the trade once every sheet is signed; the ranking is computed. */
	@Transactional
	public void lock(CurrentUser user, long tradeId) {
		Judging.Sheet sheet = judging.sheet(user, tradeId);
		if (!sheet.chief()) {
			throw new cn.unionportal.shared.ForbiddenException("chief judge only");
		}
		if (sheet.trade().locked()) {
			throw new RuleViolationException(null, "competition.error.tradeLocked");
		}
		if (sheet.panel().isEmpty() || !sheet.panel().stream().allMatch(Judging.PanelSeat::signed)) {
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
		Judging.Sheet sheet = judging.sheet(user, tradeId);
		if (!sheet.chief()) {
			throw new cn.unionportal.shared.ForbiddenException("chief judge only");
		}
		judging.requireActiveEntry(tradeId, entryId);
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
		Judging.Sheet sheet = judging.sheet(user, tradeId);
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
		judging.requireActiveEntry(tradeId, entryId);
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
		judging.upsert(entryId, aspectId, judgeId, mark);
		ranking.recompute(tradeId);
		audit.record(user.username(), "CORRECT_MARK", CompetitionManagement.SUBJECT, sheet.competition().id(),
				sheet.competition().organizerId(), "entry " + entryId + " aspect " + aspect.name() + " judge " + judgeId
						+ ": " + before + " → " + mark + "; " + reason.strip());
	}
}
