package cn.unionportal.competition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trade's scoring rules: trimmed mean, flags, totals, ties, prizes, titles, conflicts. */
class ScoringRulesTest {

	private static List<BigDecimal> marks(String... values) {
		return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
	}

	@Test
	void fiveJudgesDropHighestAndLowest() {
		assertThat(Scoring.aspectScore(marks("6", "7", "8", "9", "2"), TrimRule.AUTO)).isEqualByComparingTo("7");
	}

	@Test
	void fourJudgesAverageEveryMark() {
		assertThat(Scoring.aspectScore(marks("6", "7", "8", "2"), TrimRule.AUTO)).isEqualByComparingTo("5.75");
	}

	@Test
	void trimRuleIsConfigurable() {
		assertThat(Scoring.aspectScore(marks("6", "7", "8", "2"), TrimRule.ALWAYS)).isEqualByComparingTo("6.5");
		assertThat(Scoring.aspectScore(marks("6", "7", "8", "9", "2"), TrimRule.NEVER)).isEqualByComparingTo("6.4");
		assertThat(Scoring.aspectScore(List.of(), TrimRule.AUTO)).isEqualByComparingTo("0");
	}

	@Test
	void theScoreFromSumLowestHighestAndCountIsTheScoreFromTheMarks() {
		java.util.Random random = new java.util.Random(10);
		for (int run = 0; run < 2_000; run++) {
			java.util.List<BigDecimal> given = new java.util.ArrayList<>();
			for (int j = random.nextInt(9); j >= 0; j--) {
				given.add(BigDecimal.valueOf(random.nextInt(2001), 2)); // 0.00-20.00
			}
			TrimRule rule = TrimRule.values()[run % 3];
			BigDecimal sum = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal min = given.stream().min(BigDecimal::compareTo).orElse(null);
			BigDecimal max = given.stream().max(BigDecimal::compareTo).orElse(null);
			assertThat(Scoring.aspectScore(sum, min, max, given.size(), rule)).as(given + " " + rule)
				.isEqualTo(Scoring.aspectScore(given, rule));
		}
	}

	@Test
	void aMarkFarFromTheOthersIsFlagged() {
		assertThat(Scoring.outlying(new BigDecimal("2"), marks("8", "9", "7"), new BigDecimal("3"))).isTrue();
		assertThat(Scoring.outlying(new BigDecimal("6"), marks("8", "9", "7"), new BigDecimal("3"))).isFalse();
		assertThat(Scoring.outlying(new BigDecimal("5"), marks("8"), new BigDecimal("3"))).isFalse();
	}

	@Test
	void totalIsWeightedAndKeptToTwoDecimalsExactly() {
		assertThat(Scoring.total(new BigDecimal("85.5"), new BigDecimal("90.333"), 20, 80))
			.isEqualTo(new BigDecimal("89.37"));
		// 0.1 + 0.2 in binary floating point would not be 0.30
		assertThat(Scoring.total(new BigDecimal("0.5"), new BigDecimal("0.25"), 20, 80)).isEqualTo(new BigDecimal("0.30"));
	}

	@Test
	void tiesShareARankAndTheNextRankSkips() {
		Map<Long, Integer> ranks = Scoring.rank(List.of(standing(1, "90", "90", "90", 60),
				standing(2, "85", "85", "85", 60), standing(3, "85", "85", "85", 60), standing(4, "80", "80", "80", 50)),
				TieBreak.parse(TieBreak.DEFAULT));
		assertThat(ranks).containsExactly(Map.entry(1L, 1), Map.entry(2L, 2), Map.entry(3L, 2), Map.entry(4L, 4));
	}

	@Test
	void theChainBreaksTiesByPracticalThenTimeThenTheory() {
		List<TieBreak> chain = TieBreak.parse(TieBreak.DEFAULT);
		// equal totals: higher practical wins
		assertThat(Scoring.rank(List.of(standing(1, "85", "80", "90", 60), standing(2, "85", "90", "80", 60)), chain))
			.containsEntry(2L, 1).containsEntry(1L, 2);
		// equal totals and practical: less time wins
		assertThat(Scoring.rank(List.of(standing(1, "85", "85", "85", 70), standing(2, "85", "85", "85", 65)), chain))
			.containsEntry(2L, 1).containsEntry(1L, 2);
		// without a chain they share the rank
		assertThat(Scoring.rank(List.of(standing(1, "85", "80", "90", 60), standing(2, "85", "90", "80", 60)), List.of()))
			.containsEntry(1L, 1).containsEntry(2L, 1);
		assertThatThrownBy(() -> TieBreak.parse("PRACTICAL,PRACTICAL")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void fewEntrantsReduceThePrizes() {
		List<Scoring.PrizeLevel> levels = List.of(new Scoring.PrizeLevel(1, new BigDecimal("10000"), 1),
				new Scoring.PrizeLevel(2, new BigDecimal("5000"), 4), new Scoring.PrizeLevel(3, new BigDecimal("2000"), 6));
		assertThat(Scoring.prizeFor(1, 6, levels)).isEqualTo(1);
		assertThat(Scoring.prizeFor(3, 6, levels)).isEqualTo(2);
		assertThat(Scoring.prizeFor(6, 6, levels)).isEqualTo(3);
		assertThat(Scoring.prizeFor(7, 9, levels)).isNull();
		// five entrants: no third prize
		assertThat(Scoring.prizeFor(4, 5, levels)).isNull();
		assertThat(Scoring.prizeFor(2, 5, levels)).isEqualTo(2);
		// three entrants: first prize only
		assertThat(Scoring.prizeFor(2, 3, levels)).isNull();
		assertThat(Scoring.prizeFor(1, 3, levels)).isEqualTo(1);
	}

	@Test
	void titlesFollowTheTier() {
		assertThat(CompetitionTier.MUNICIPAL_CLASS_I.titlesFor(1))
			.containsExactly("WEIHAI_GOLD_MEDAL_WORKER", "WEIHAI_TECHNICAL_EXPERT");
		assertThat(CompetitionTier.MUNICIPAL_CLASS_I.titlesFor(2)).isEmpty();
		assertThat(CompetitionTier.MUNICIPAL_CLASS_II.titlesFor(1)).containsExactly("WEIHAI_TECHNICAL_EXPERT");
		assertThat(CompetitionTier.DISTRICT.titlesFor(1)).containsExactly("DISTRICT_TECHNICAL_EXPERT");
		assertThat(CompetitionTier.INDUSTRY_CHAIN.titlesFor(1)).isEmpty();
		assertThat(CompetitionTier.ENTERPRISE.titlesFor(1)).isEmpty();
		assertThat(CompetitionTier.MUNICIPAL_CLASS_I.titlesFor(null)).isEmpty();
	}

	@Test
	void aJudgeNeverMarksTheirOwnOrganization() {
		assertThat(Scoring.conflicted(7, Set.of(7L, 3L))).isTrue();
		assertThat(Scoring.conflicted(7, Set.of(8L, 3L))).isFalse();
	}

	private static Scoring.Standing standing(long id, String total, String practical, String theory, int minutes) {
		return new Scoring.Standing(id, new BigDecimal(total), new BigDecimal(practical), new BigDecimal(theory), minutes);
	}
}
