package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.unionportal.competition.CompetitionManagement.TradeData;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo trades and entries, and the steps after the marks (lock, rank, publish, confer): entries
 * go in as plain inserts into the module's own tables; ranks and titles come from the same code as
 * the pages (Ranking, CompetitionPublication.confer).
 */
@Component
@Conditional(CompetitionDemoData.Enabled.class)
class CompetitionDemoEntries {

	private final CompetitionManagement competitions;

	private final CompetitionCatalogue catalogue;

	private final Ranking ranking;

	private final CompetitionPublication results;

	private final JdbcClient jdbc;

	private final Clock clock;

	CompetitionDemoEntries(CompetitionManagement competitions, CompetitionCatalogue catalogue, Ranking ranking,
			CompetitionPublication results, JdbcClient jdbc, Clock clock) {
		this.competitions = competitions;
		this.catalogue = catalogue;
		this.ranking = ranking;
		this.results = results;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether any competition exists (the demo data then stays away). */
	boolean anyCompetition() {
		return jdbc.sql("SELECT COUNT(*) FROM competition").query(Long.class).single() > 0;
	}

	long trade(CurrentUser system, long competitionId, String name, int capacity, int judgeCount) {
		long trade = competitions.addTrade(system, competitionId, new TradeData(name, 30, 70, capacity, 18, 60,
				Set.of(), 0, 40, judgeCount, TrimRule.AUTO, new BigDecimal("15"), TieBreak.DEFAULT,
				List.of(new Scoring.PrizeLevel(1, new BigDecimal("10000"), 1),
						new Scoring.PrizeLevel(2, new BigDecimal("5000"), 4),
						new Scoring.PrizeLevel(3, new BigDecimal("2000"), 6))));
		competitions.addAspect(system, trade, "THEORY", "MEASUREMENT", "理论知识考试", new BigDecimal("100"), null);
		competitions.addAspect(system, trade, "PRACTICAL", "MEASUREMENT", "尺寸与精度", new BigDecimal("40"),
				"按图纸公差逐项测量");
		competitions.addAspect(system, trade, "PRACTICAL", "JUDGEMENT", "工艺与规范", new BigDecimal("30"),
				"0 严重违规；10 基本规范；20 规范熟练；30 示范水平");
		competitions.addAspect(system, trade, "PRACTICAL", "JUDGEMENT", "安全文明生产", new BigDecimal("30"),
				"0 有安全事故隐患；15 基本做到；30 全程规范");
		return trade;
	}

	List<Long> enter(long competitionId, long tradeId, List<MemberSummary> entrants, boolean open, Random random) {
		List<Long> ids = new ArrayList<>();
		int station = 1;
		for (MemberSummary m : entrants) {
			String code = String.format("%c%05d", (char) ('A' + tradeId % 26), 10000 + random.nextInt(89999));
			while (jdbc.sql("SELECT COUNT(*) FROM competition_entry WHERE competition_id = :c AND contestant_code = :k")
				.param("c", competitionId).param("k", code).query(Long.class).single() > 0) {
				code = String.format("%c%05d", (char) ('A' + tradeId % 26), 10000 + random.nextInt(89999));
			}
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO competition_entry (competition_id, trade_id, organization_id, contestant_code, station,
					    skill_grade, status, time_used_minutes, registered_by, created_at, name_sort_key)
					VALUES (:c, :t, :o, :code, :station, 3, 'ACTIVE', :minutes, 'demo', :now, :nameKey)""")
				.param("c", competitionId).param("t", tradeId).param("o", m.organizationId()).param("code", code)
				.param("nameKey", EntryNameKeys.of(null, m.name()))
				.param("station", open ? null : station++, java.sql.Types.INTEGER)
				.param("minutes", open ? null : 150 + random.nextInt(60), java.sql.Types.INTEGER)
				.param("now", Timestamp.from(clock.instant())).update(keys, "id");
			long id = keys.getKey().longValue();
			jdbc.sql("""
					INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
					VALUES (:e, :m, :c, :o, :name, 0)""")
				.param("e", id).param("m", m.id()).param("c", competitionId).param("o", m.organizationId())
				.param("name", m.name()).update();
			ids.add(id);
		}
		return ids;
	}

	/** Locks a marked trade at that time and ranks it. */
	void lockAndRank(long tradeId, Timestamp at) {
		jdbc.sql("UPDATE competition_trade SET locked_at = :at WHERE id = :t").param("at", at).param("t", tradeId).update();
		ranking.recompute(tradeId);
	}

	/** Publishes the competition with its notice and publication dates and confers the titles. */
	void publish(long competitionId, LocalDate noticeEnds, LocalDate publishedOn) {
		jdbc.sql("UPDATE competition SET status = 'PUBLISHED', notice_ends = :n, published_on = :p WHERE id = :id")
			.param("n", Date.valueOf(noticeEnds)).param("p", Date.valueOf(publishedOn)).param("id", competitionId).update();
		results.confer(catalogue.load(competitionId), publishedOn);
	}

	/** Moves a demo competition to the status directly. */
	void moveTo(long competitionId, String status) {
		jdbc.sql("UPDATE competition SET status = :s WHERE id = :id").param("s", status).param("id", competitionId).update();
	}
}
