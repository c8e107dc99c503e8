package cn.unionportal.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The award rules, as plain functions (unit-tested without a database): quota allocation,
 * structure constraints, eligibility and the allowance age rule.
 */
final class AwardRules {

	private AwardRules() {
	}

	// ---- the aid priority list ----------------------------------------------------------------------

	/**
	 * Whether an honour kind makes its holder a model worker (劳模) for the aid priority list: the
	 * model worker of any level, and its twin for government and public-institution staff, the
	 * advanced worker (先进工作者), which carries the same standing.
	 */
	static boolean isModelWorker(String kindCode) {
		return kindCode.endsWith("_MODEL_WORKER") || kindCode.endsWith("_ADVANCED_WORKER");
	}

	// ---- quotas ----------------------------------------------------------------------------------

	/**
	 * Splits {@code total} places among organizations in proportion to their basis (active
	 * members), by largest remainder (Hamilton): everyone gets the whole part of their share, the
	 * places left go to the largest remainders (ties: the larger basis, then the smaller id). When
	 * every basis is 0 the places are split evenly. The result always adds up to {@code total}.
	 */
	static Map<Long, Integer> allocate(int total, Map<Long, Long> basis) {
		Map<Long, Integer> quotas = new LinkedHashMap<>();
		if (basis.isEmpty()) {
			return quotas;
		}
		long sum = basis.values().stream().mapToLong(Long::longValue).sum();
		Map<Long, Long> weights = new LinkedHashMap<>();
		basis.forEach((id, b) -> weights.put(id, sum == 0 ? 1L : Math.max(b, 0L)));
		long weightSum = sum == 0 ? basis.size() : sum;
		record Share(long id, long weight, long remainder) {
		}
		List<Share> shares = new ArrayList<>();
		int given = 0;
		for (Map.Entry<Long, Long> e : weights.entrySet()) {
			long product = (long) total * e.getValue();
			int whole = (int) (product / weightSum);
			quotas.put(e.getKey(), whole);
			given += whole;
			shares.add(new Share(e.getKey(), e.getValue(), product % weightSum));
		}
		shares.sort(Comparator.comparingLong(Share::remainder)
			.reversed()
			.thenComparing(Comparator.comparingLong(Share::weight).reversed())
			.thenComparingLong(Share::id));
		for (int i = 0; given < total; i++, given++) {
			quotas.merge(shares.get(i % shares.size()).id(), 1, Integer::sum);
		}
		return quotas;
	}

	// ---- structure constraints -------------------------------------------------------------------

	/** A constraint: e.g. front-line workers at least 50 percent. */
	record Rule(Criterion criterion, Bound bound, int percent) {
	}

	/** The make-up of a list of nominations. */
	record Mix(int total, int frontLine, int enterpriseHeads, int women, int migrants) {

		static final Mix EMPTY = new Mix(0, 0, 0, 0, 0);

		int count(Criterion criterion) {
			return switch (criterion) {
				case FRONT_LINE -> frontLine;
				case ENTERPRISE_HEAD -> enterpriseHeads;
				case WOMEN -> women;
				case MIGRANT -> migrants;
			};
		}

		Mix plus(NomineeCategory category, boolean woman, boolean migrant) {
			return new Mix(total + 1, frontLine + (category == NomineeCategory.FRONT_LINE ? 1 : 0),
					enterpriseHeads + (category == NomineeCategory.ENTERPRISE_HEAD ? 1 : 0), women + (woman ? 1 : 0),
					migrants + (migrant ? 1 : 0));
		}
	}

	/**
	 * A constraint judged against a quota (the size the list has when it is full): "at least p %"
	 * needs {@code ceil(p × quota / 100)} matching nominations, and is broken as soon as the places
	 * still free could no longer reach that number; "at most p %" allows
	 * {@code floor(p × quota / 100)} and is broken when more match.
	 *
	 * @param needed the number required (at least) or allowed (at most)
	 */
	record Figure(Rule rule, int matching, int total, int quota, int needed, boolean ok) {

		/** The share of the current list, in whole percent (0 for an empty list). */
		int percentNow() {
			return total == 0 ? 0 : (int) Math.round(matching * 100.0 / total);
		}
	}

	static Figure judge(Rule rule, Mix mix, int quota) {
		int matching = mix.count(rule.criterion());
		if (rule.bound() == Bound.AT_LEAST) {
			int needed = (int) Math.ceil(rule.percent() * quota / 100.0);
			int free = Math.max(quota - mix.total(), 0);
			return new Figure(rule, matching, mix.total(), quota, needed, matching + free >= needed);
		}
		int allowed = (int) Math.floor(rule.percent() * quota / 100.0);
		return new Figure(rule, matching, mix.total(), quota, allowed, matching <= allowed);
	}

	static List<Figure> judge(List<Rule> rules, Mix mix, int quota) {
		return rules.stream().map(r -> judge(r, mix, quota)).toList();
	}

	// ---- eligibility -----------------------------------------------------------------------------

	/** An honour a person holds, for the eligibility rules. */
	record Held(long kindId, int year, boolean active) {
	}

	/** What the rules need to know of the kind to be nominated for. */
	record KindRule(long kindId, Long prerequisiteId, int repeatAfterYears) {
	}

	/** Why a nominee is not eligible (a message key and its arguments), or empty when eligible. */
	record Refusal(String field, String messageKey, Object... arguments) {
	}

	static final Set<ClearanceItem> ALL_CLEARANCES = EnumSet.allOf(ClearanceItem.class);

	/**
	 * Eligibility of a person: an active member; no honour of the same kind conferred fewer than
	 * {@code repeatAfterYears} years before the campaign year (0: no limit); the prerequisite
	 * honour held (not revoked); for an enterprise head every clearance item recorded.
	 */
	static Optional<Refusal> eligibility(boolean activeMember, KindRule kind, int campaignYear, List<Held> held,
			NomineeCategory category, Set<ClearanceItem> cleared) {
		if (!activeMember) {
			return Optional.of(new Refusal("memberId", "award.error.notActive"));
		}
		if (kind.repeatAfterYears() > 0) {
			Optional<Held> recent = held.stream()
				.filter(h -> h.active() && h.kindId() == kind.kindId()
						&& campaignYear - h.year() < kind.repeatAfterYears())
				.findFirst();
			if (recent.isPresent()) {
				return Optional.of(new Refusal("memberId", "award.error.recentlyConferred", String.valueOf(recent.get().year()),
						kind.repeatAfterYears()));
			}
		}
		if (kind.prerequisiteId() != null
				&& held.stream().noneMatch(h -> h.active() && h.kindId() == kind.prerequisiteId())) {
			return Optional.of(new Refusal("memberId", "award.error.prerequisite"));
		}
		if (category == NomineeCategory.ENTERPRISE_HEAD && !cleared.containsAll(ALL_CLEARANCES)) {
			return Optional.of(new Refusal("clearance", "award.error.clearance"));
		}
		return Optional.empty();
	}

	// ---- allowance -------------------------------------------------------------------------------

	/**
	 * The first month the monthly allowance is paid: the month of the holder's birthday at
	 * {@code fromAge}, or the month of conferral when that is later.
	 */
	static YearMonth allowanceFrom(LocalDate birthDate, int fromAge, LocalDate conferredOn) {
		YearMonth birthday = YearMonth.from(birthDate.plusYears(fromAge));
		YearMonth conferral = YearMonth.from(conferredOn);
		return birthday.isAfter(conferral) ? birthday : conferral;
	}

	/** Whether the allowance is due for {@code month}. */
	static boolean allowanceDue(YearMonth from, YearMonth month) {
		return from != null && !month.isBefore(from);
	}

	/** The amount of a roster line: the monthly amount times the months due within the period. */
	static BigDecimal allowanceFor(BigDecimal monthly, YearMonth from, YearMonth first, YearMonth last) {
		YearMonth start = from.isAfter(first) ? from : first;
		if (start.isAfter(last)) {
			return BigDecimal.ZERO;
		}
		long months = start.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
		return monthly.multiply(BigDecimal.valueOf(months));
	}
}
