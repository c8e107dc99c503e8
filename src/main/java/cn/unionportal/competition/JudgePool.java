package cn.unionportal.competition;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The judge pool (裁判库) of a scope and each trade's panel with its one chief judge, kept by the
 * organizer's staff. Judges mark through {@link Judging}.
 */
@Service
public class JudgePool {

	private final JdbcClient jdbc;

	private final CompetitionCatalogue competitions;

	private final CompetitionPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	JudgePool(JdbcClient jdbc, CompetitionCatalogue competitions, CompetitionPermissions permissions, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long addJudge(CurrentUser user, Judging.JudgeData data) {
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

	/** The judge pool of the user's scope, in pinyin order (the first 500, for choosing a panel's judge). */
	@Transactional(readOnly = true)
	public List<Judging.JudgeView> pool(CurrentUser user) {
		return pool(user, PageRequest.of(0, 500)).getContent();
	}

	/** A page of the judge pool of the user's scope, in pinyin order. */
	@Transactional(readOnly = true)
	public Page<Judging.JudgeView> pool(CurrentUser user, Pageable pageable) {
		permissions.requireStaff(user);
		Scope scope = permissions.scope(user);
		String where = " FROM competition_judge j WHERE j.organization_id" + Scope.SUBTREE;
		long total = jdbc.sql("SELECT COUNT(*)" + where).param(Scope.PARAMETER, scope.rootId()).query(Long.class).single();
		List<Judging.JudgeView> rows = jdbc.sql("SELECT *" + where + " ORDER BY j.name_sort_key, j.id LIMIT :limit OFFSET :offset")
			.param(Scope.PARAMETER, scope.rootId())
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, n) -> Judging.judge(rs))
			.list();
		Map<Long, String> names = scope.names(rows.stream().map(Judging.JudgeView::organizationId).toList());
		return new PageImpl<>(rows.stream().map(j -> new Judging.JudgeView(j.id(), j.name(), j.organizationId(),
				names.get(j.organizationId()), j.qualification(), j.trades(), j.accountUsername())).toList(), pageable, total);
	}

	/** Seats a judge of the pool on a trade's panel (organizer); the chief judge is one per trade. */
	@Transactional
	public void seat(CurrentUser user, long tradeId, long judgeId, boolean chief) {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView c = competitions.load(trade.competitionId());
		permissions.requireOrganizer(user, c.organizerId());
		Judging.JudgeView judge = jdbc.sql("SELECT * FROM competition_judge WHERE id = :id").param("id", judgeId)
			.query((rs, n) -> Judging.judge(rs)).optional().orElseThrow(() -> new NotFoundException("judge", judgeId));
		List<Judging.PanelSeat> panel = panel(tradeId);
		if (panel.stream().anyMatch(s -> s.judgeId() == judgeId)) {
			throw new RuleViolationException("judgeId", "competition.judge.error.seated", judge.name());
		}
		if (panel.size() >= trade.judgeCount()) {
			throw new RuleViolationException("judgeId", "competition.judge.error.panelFull", trade.judgeCount());
		}
		if (chief && panel.stream().anyMatch(Judging.PanelSeat::chief)) {
			throw new RuleViolationException("chief", "competition.judge.error.chiefTaken");
		}
		jdbc.sql("INSERT INTO competition_panel (trade_id, judge_id, chief) VALUES (:t, :j, :chief)")
			.param("t", tradeId).param("j", judgeId).param("chief", chief).update();
		audit.record(user.username(), "SEAT_JUDGE", CompetitionManagement.SUBJECT, c.id(), c.organizerId(),
				trade.name() + ": " + judge.name() + (chief ? " (chief)" : ""));
	}

	@Transactional(readOnly = true)
	public List<Judging.PanelSeat> panel(long tradeId) {
		return jdbc.sql("""
				SELECT p.*, j.name FROM competition_panel p JOIN competition_judge j ON j.id = p.judge_id
				WHERE p.trade_id = :t ORDER BY p.chief DESC, j.name_sort_key""")
			.param("t", tradeId)
			.query((rs, n) -> new Judging.PanelSeat(rs.getLong("judge_id"), rs.getString("name"), rs.getBoolean("chief"),
					rs.getTimestamp("signed_at") != null, rs.getLong("version")))
			.list();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
