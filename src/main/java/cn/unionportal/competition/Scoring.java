package cn.unionportal.competition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring rules of a trade as pure functions (unit tested on their own): an aspect's score
 * from its judges' marks, the flag on an outlying mark, the weighted total, the ranking with its
 * tie-break chain, the prizes reduced for small fields and the judges' conflict of interest.
 * Exact decimals throughout; totals kept to two decimals (half up).
 */
public final class Scoring {

	private static final int WORKING_SCALE = 4;

	private Scoring() {
	}

	/** The score of one aspect: trimmed mean or mean of the marks (0 without marks). */
	public static BigDecimal aspectScore(Collection<BigDecimal> marks, TrimRule rule) {
		if (marks.isEmpty()) {
			return BigDecimal.ZERO;
		}
		List<BigDecimal> sorted = marks.stream().sorted().toList();
		if (rule.trims(sorted.size())) {
			sorted = sorted.subList(1, sorted.size() - 1);
		}
		return mean(sorted);
	}

	/**
	 * The same score from the marks' sum, lowest, highest and count (as the database aggregates
	 * them): dropping one highest and one lowest mark leaves sum − max − min over count − 2.
	 */
	public static BigDecimal aspectScore(BigDecimal sum, BigDecimal min, BigDecimal max, int count, TrimRule rule) {
		if (count == 0) {
			return BigDecimal.ZERO;
		}
		if (rule.trims(count)) {
			return sum.subtract(min).subtract(max).divide(BigDecimal.valueOf(count - 2), WORKING_SCALE, RoundingMode.HALF_UP);
		}
		return sum.divide(BigDecimal.valueOf(count), WORKING_SCALE, RoundingMode.HALF_UP);
	}

	/** Whether a mark differs from the mean of the other judges' marks by more than the spread. */
	public static boolean outlying(BigDecimal mark, Collection<BigDecimal> others, BigDecimal spread) {
		if (others.isEmpty()) {
			return false;
		}
		return mark.subtract(mean(others)).abs().compareTo(spread) > 0;
	}

	/** total = theory × theory weight % + practical × practical weight %, two decimals. */
	public static BigDecimal total(BigDecimal theory, BigDecimal practical, int theoryWeight, int practicalWeight) {
		BigDecimal weighted = theory.multiply(BigDecimal.valueOf(theoryWeight))
			.add(practical.multiply(BigDecimal.valueOf(practicalWeight)));
		return weighted.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	/** A contestant's figures for the ranking (time used may be unknown: then it never wins a tie). */
	public record Standing(long entryId, BigDecimal total, BigDecimal practical, BigDecimal theory,
			Integer minutesUsed) {
	}

	/**
	 * Ranks by total (descending), then the tie-break chain; entries still equal share a rank and
	 * the next rank skips (1, 2, 2, 4). Disqualified entries must not be passed in.
	 */
	public static Map<Long, Integer> rank(List<Standing> standings, List<TieBreak> chain) {
		Comparator<Standing> order = Comparator.comparing(Standing::total).reversed();
		for (TieBreak link : chain) {
			order = order.thenComparing(switch (link) {
				case PRACTICAL -> Comparator.comparing(Standing::practical).reversed();
				case THEORY -> Comparator.comparing(Standing::theory).reversed();
				case TIME -> Comparator.comparing((Standing s) -> s.minutesUsed() == null ? Integer.MAX_VALUE
						: s.minutesUsed());
			});
		}
		List<Standing> sorted = new ArrayList<>(standings);
		sorted.sort(order);
		Map<Long, Integer> ranks = new java.util.LinkedHashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			boolean tied = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
			ranks.put(sorted.get(i).entryId(), tied ? ranks.get(sorted.get(i - 1).entryId()) : i + 1);
		}
		return ranks;
	}

	/** One prize level: how many, how much each, and the fewest entrants for which it is awarded. */
	public record PrizeLevel(int count, BigDecimal amount, int minEntrants) {
	}

	/**
	 * The prize (1, 2, 3) of each rank, or null. Levels are filled in rank order: ranks
	 * 1..first count get the first prize, the next second count the second… A level whose minimum
	 * number of entrants is not reached is not awarded (under 6 entrants no third prize, by
	 * default); entries sharing a rank share the prize of its first place.
	 */
	public static Integer prizeFor(int rank, int entrants, List<PrizeLevel> levels) {
		int upTo = 0;
		for (int level = 0; level < levels.size(); level++) {
			PrizeLevel prize = levels.get(level);
			upTo += prize.count();
			if (rank <= upTo) {
				return entrants >= prize.minEntrants() && prize.count() > 0 ? level + 1 : null;
			}
		}
		return null;
	}

	/**
	 * A judge may not mark an entry from their own organization (the grassroots union they belong
	 * to) nor one registered by it.
	 */
	public static boolean conflicted(long judgeOrganizationId, Set<Long> entryOrganizationIds) {
		return entryOrganizationIds.contains(judgeOrganizationId);
	}

	private static BigDecimal mean(Collection<BigDecimal> values) {
		BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(values.size()), WORKING_SCALE, RoundingMode.HALF_UP);
	}
}
