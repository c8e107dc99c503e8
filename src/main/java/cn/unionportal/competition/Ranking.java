package cn.unionportal.competition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.competition.CompetitionManagement.AspectView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a trade's scores, ranks and prizes from the marks (one aggregate read of the marks
 * per entry and aspect, one batch of updates): an aspect's score is the mean of its judges' marks (judgement aspects trimmed by
 * the trade's rule), theory and practical are the sums of their aspects, the total is weighted;
 * disqualified and withdrawn entries get no rank.
 */
@Component
class Ranking {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final CompetitionCatalogue competitions;

	Ranking(JdbcClient jdbc, JdbcTemplate batch, CompetitionCatalogue competitions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.competitions = competitions;
	}

	@Transactional
	void recompute(long tradeId) {
		TradeView trade = competitions.trade(tradeId);
		Map<Long, AspectView> aspects = new HashMap<>();
		competitions.aspects(tradeId).forEach(a -> aspects.put(a.id(), a));
		Map<Long, BigDecimal[]> scores = new HashMap<>(); // entry → {theory, practical}
		Map<Long, Integer> minutes = new HashMap<>();
		jdbc.sql("SELECT id, time_used_minutes FROM competition_entry WHERE trade_id = :t AND status = 'ACTIVE'")
			.param("t", tradeId)
			.query(rs -> {
				minutes.put(rs.getLong("id"), rs.getObject("time_used_minutes", Integer.class));
				scores.put(rs.getLong("id"), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			});
		// the database sums the judges' marks per entry and aspect: 10,000 lines for 70,000 marks
		jdbc.sql("""
				SELECT k.entry_id, k.aspect_id, SUM(k.mark) AS total, MIN(k.mark) AS lowest, MAX(k.mark) AS highest,
				       COUNT(*) AS marks
				FROM competition_mark k JOIN competition_aspect a ON a.id = k.aspect_id
				WHERE a.trade_id = :t GROUP BY k.entry_id, k.aspect_id""")
			.param("t", tradeId)
			.query(rs -> {
				BigDecimal[] entry = scores.get(rs.getLong("entry_id"));
				AspectView aspect = aspects.get(rs.getLong("aspect_id"));
				if (entry == null || aspect == null) {
					return; // a withdrawn or disqualified entry keeps its marks but gets no score
				}
				BigDecimal score = Scoring.aspectScore(rs.getBigDecimal("total"), rs.getBigDecimal("lowest"),
						rs.getBigDecimal("highest"), rs.getInt("marks"),
						"JUDGEMENT".equals(aspect.kind()) ? trade.trimRule() : TrimRule.NEVER);
				entry[aspect.theory() ? 0 : 1] = entry[aspect.theory() ? 0 : 1].add(score);
			});
		List<Scoring.Standing> standings = new ArrayList<>();
		for (var entry : scores.entrySet()) {
			BigDecimal theory = entry.getValue()[0];
			BigDecimal practical = entry.getValue()[1];
			standings.add(new Scoring.Standing(entry.getKey(),
					Scoring.total(theory, practical, trade.theoryWeight(), trade.practicalWeight()),
					practical.setScale(2, java.math.RoundingMode.HALF_UP), theory.setScale(2, java.math.RoundingMode.HALF_UP),
					minutes.get(entry.getKey())));
		}
		Map<Long, Integer> ranks = Scoring.rank(standings, trade.tieBreaks());
		List<Object[]> rows = new ArrayList<>();
		for (Scoring.Standing s : standings) {
			int rank = ranks.get(s.entryId());
			Integer prize = Scoring.prizeFor(rank, standings.size(), trade.prizes());
			rows.add(new Object[] { s.theory(), s.practical(), s.total(), rank, prize,
					prize == null ? null : trade.prizes().get(prize - 1).amount(), s.entryId() });
		}
		batch.update("""
				UPDATE competition_entry SET theory_score = NULL, practical_score = NULL, total_score = NULL, ranking = NULL,
				    prize = NULL, prize_amount = NULL WHERE trade_id = ? AND status <> 'ACTIVE'""", tradeId);
		batch.batchUpdate("""
				UPDATE competition_entry SET theory_score = ?, practical_score = ?, total_score = ?, ranking = ?, prize = ?,
				    prize_amount = ? WHERE id = ?""", rows);
	}

	/** Every mark of a trade: entry → aspect → judge → mark. */
	Map<Long, Map<Long, Map<Long, BigDecimal>>> marks(long tradeId) {
		Map<Long, Map<Long, Map<Long, BigDecimal>>> all = new HashMap<>();
		jdbc.sql("""
				SELECT k.entry_id, k.aspect_id, k.judge_id, k.mark FROM competition_mark k
				JOIN competition_aspect a ON a.id = k.aspect_id WHERE a.trade_id = :t""")
			.param("t", tradeId)
			.query(rs -> {
				all.computeIfAbsent(rs.getLong("entry_id"), k -> new HashMap<>())
					.computeIfAbsent(rs.getLong("aspect_id"), k -> new HashMap<>())
					.put(rs.getLong("judge_id"), rs.getBigDecimal("mark"));
			});
		return all;
	}
}
