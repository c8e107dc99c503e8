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
 * Recomputes a trade's scores, ranks and prizes from the marks (one read of the marks, one batch
 * of updates): an aspect's score is the mean of its judges' marks (judgement aspects trimmed by
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
		List<AspectView> aspects = competitions.aspects(tradeId);
		Map<Long, Map<Long, Map<Long, BigDecimal>>> marks = marks(tradeId);
		Map<Long, Integer> minutes = new HashMap<>();
		jdbc.sql("SELECT id, time_used_minutes FROM competition_entry WHERE trade_id = :t AND status = 'ACTIVE'")
			.param("t", tradeId)
			.query(rs -> {
				minutes.put(rs.getLong("id"), rs.getObject("time_used_minutes", Integer.class));
			});
		List<Scoring.Standing> standings = new ArrayList<>();
		for (var entry : minutes.entrySet()) {
			BigDecimal theory = BigDecimal.ZERO;
			BigDecimal practical = BigDecimal.ZERO;
			Map<Long, Map<Long, BigDecimal>> byAspect = marks.getOrDefault(entry.getKey(), Map.of());
			for (AspectView aspect : aspects) {
				var given = byAspect.getOrDefault(aspect.id(), Map.of()).values();
				BigDecimal score = Scoring.aspectScore(given,
						"JUDGEMENT".equals(aspect.kind()) ? trade.trimRule() : TrimRule.NEVER);
				if (aspect.theory()) {
					theory = theory.add(score);
				}
				else {
					practical = practical.add(score);
				}
			}
			standings.add(new Scoring.Standing(entry.getKey(),
					Scoring.total(theory, practical, trade.theoryWeight(), trade.practicalWeight()),
					practical.setScale(2, java.math.RoundingMode.HALF_UP), theory.setScale(2, java.math.RoundingMode.HALF_UP),
					entry.getValue()));
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
