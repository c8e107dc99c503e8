package cn.unionportal.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.award.AwardRules.Figure;
import cn.unionportal.award.AwardRules.Held;
import cn.unionportal.award.AwardRules.KindRule;
import cn.unionportal.award.AwardRules.Mix;
import cn.unionportal.award.AwardRules.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The award rules: quota allocation, structure constraints, eligibility, prerequisite, allowance age. */
class AwardRulesTest {

	@Test
	void quotasFollowActiveMembersByLargestRemainderAndAddUp() {
		Map<Long, Long> basis = new LinkedHashMap<>();
		basis.put(1L, 5_000L);
		basis.put(2L, 3_000L);
		basis.put(3L, 2_000L);
		assertThat(AwardRules.allocate(10, basis)).containsExactly(Map.entry(1L, 5), Map.entry(2L, 3), Map.entry(3L, 2));
		// 7 places: 3.5, 2.1, 1.4 → 3, 2, 1 and the last place to the largest remainder (1: 0.5)
		assertThat(AwardRules.allocate(7, basis)).containsExactly(Map.entry(1L, 4), Map.entry(2L, 2), Map.entry(3L, 1));
		assertThat(AwardRules.allocate(119, Map.of(1L, 7L, 2L, 13L, 3L, 29L)).values().stream().mapToInt(i -> i).sum())
			.isEqualTo(119);
	}

	@Test
	void quotasAreSplitEvenlyWithoutMembersAndTiesGoToTheLargerBasis() {
		assertThat(AwardRules.allocate(4, Map.of(1L, 0L, 2L, 0L))).containsEntry(1L, 2).containsEntry(2L, 2);
		Map<Long, Long> basis = new LinkedHashMap<>();
		basis.put(1L, 100L);
		basis.put(2L, 300L);
		basis.put(3L, 100L);
		// 1 place: remainders 1×100, 1×300, 1×100 of 500 → the largest remainder wins
		assertThat(AwardRules.allocate(1, basis)).containsEntry(2L, 1).containsEntry(1L, 0).containsEntry(3L, 0);
	}

	@Test
	void atLeastConstraintBreaksOnlyWhenTheFreePlacesCanNoLongerReachIt() {
		Rule frontLine = new Rule(Criterion.FRONT_LINE, Bound.AT_LEAST, 50);
		// quota 4 → 2 front-line workers needed; 2 others nominated, 2 places free: still possible
		Mix twoOthers = Mix.EMPTY.plus(NomineeCategory.TECHNICAL, false, false)
			.plus(NomineeCategory.MANAGEMENT, false, false);
		assertThat(AwardRules.judge(frontLine, twoOthers, 4).ok()).isTrue();
		Figure third = AwardRules.judge(frontLine, twoOthers.plus(NomineeCategory.TECHNICAL, false, false), 4);
		assertThat(third.ok()).isFalse();
		assertThat(third.needed()).isEqualTo(2);
		assertThat(third.percentNow()).isZero();
	}

	@Test
	void atMostConstraintCountsAgainstTheQuota() {
		Rule heads = new Rule(Criterion.ENTERPRISE_HEAD, Bound.AT_MOST, 15);
		Mix oneHead = Mix.EMPTY.plus(NomineeCategory.ENTERPRISE_HEAD, false, false);
		assertThat(AwardRules.judge(heads, oneHead, 10).ok()).isTrue(); // 1 ≤ floor(1.5)
		assertThat(AwardRules.judge(heads, oneHead.plus(NomineeCategory.ENTERPRISE_HEAD, true, false), 10).ok()).isFalse();
		assertThat(AwardRules.judge(heads, oneHead, 5).ok()).isFalse(); // floor(0.75) = 0
		Rule women = new Rule(Criterion.WOMEN, Bound.AT_LEAST, 20);
		assertThat(AwardRules.judge(women, Mix.EMPTY.plus(NomineeCategory.FRONT_LINE, true, true), 5).matching()).isEqualTo(1);
	}

	private static final KindRule MODEL_WORKER = new KindRule(5, null, 5);

	private static final KindRule PROVINCIAL = new KindRule(3, 5L, 5);

	@Test
	void aNomineeMustBeAnActiveMember() {
		assertThat(AwardRules.eligibility(false, MODEL_WORKER, 2026, List.of(), NomineeCategory.FRONT_LINE, Set.of()))
			.hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("award.error.notActive"));
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2026, List.of(), NomineeCategory.FRONT_LINE, Set.of()))
			.isEmpty();
	}

	@Test
	void theSameKindIsNotConferredAgainWithinTheSetYears() {
		List<Held> in2022 = List.of(new Held(5, 2022, true));
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2026, in2022, NomineeCategory.FRONT_LINE, Set.of()))
			.hasValueSatisfying(r -> assertThat(r.arguments()).containsExactly("2022", 5)); // a year, never "2,022"
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2027, in2022, NomineeCategory.FRONT_LINE, Set.of()))
			.isEmpty();
		// a revoked honour does not count
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2026, List.of(new Held(5, 2024, false)),
				NomineeCategory.FRONT_LINE, Set.of())).isEmpty();
	}

	@Test
	void theHigherHonourNeedsThePrerequisiteHeldAndNotRevoked() {
		assertThat(AwardRules.eligibility(true, PROVINCIAL, 2026, List.of(), NomineeCategory.FRONT_LINE, Set.of()))
			.hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("award.error.prerequisite"));
		assertThat(AwardRules.eligibility(true, PROVINCIAL, 2026, List.of(new Held(5, 2020, false)),
				NomineeCategory.FRONT_LINE, Set.of())).isPresent();
		assertThat(AwardRules.eligibility(true, PROVINCIAL, 2026, List.of(new Held(5, 2020, true)),
				NomineeCategory.FRONT_LINE, Set.of())).isEmpty();
	}

	@Test
	void anEnterpriseHeadNeedsEveryClearance() {
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2026, List.of(), NomineeCategory.ENTERPRISE_HEAD,
				Set.of(ClearanceItem.TAX, ClearanceItem.WORK_SAFETY, ClearanceItem.DISCIPLINE)))
			.hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("award.error.clearance"));
		assertThat(AwardRules.eligibility(true, MODEL_WORKER, 2026, List.of(), NomineeCategory.ENTERPRISE_HEAD,
				AwardRules.ALL_CLEARANCES)).isEmpty();
	}

	@Test
	void allowanceStartsInTheMonthOfTheSixtiethBirthdayOrAtConferral() {
		LocalDate born = LocalDate.of(1966, 8, 15);
		assertThat(AwardRules.allowanceFrom(born, 60, LocalDate.of(2025, 4, 28))).isEqualTo(YearMonth.of(2026, 8));
		assertThat(AwardRules.allowanceFrom(born, 60, LocalDate.of(2027, 4, 28))).isEqualTo(YearMonth.of(2027, 4));
		YearMonth from = YearMonth.of(2026, 8);
		assertThat(AwardRules.allowanceDue(from, YearMonth.of(2026, 7))).isFalse();
		assertThat(AwardRules.allowanceDue(from, YearMonth.of(2026, 8))).isTrue();
		assertThat(AwardRules.allowanceFor(new BigDecimal("120.00"), from, YearMonth.of(2026, 1), YearMonth.of(2026, 12)))
			.isEqualByComparingTo("600.00");
		assertThat(AwardRules.allowanceFor(new BigDecimal("120.00"), from, YearMonth.of(2026, 1), YearMonth.of(2026, 6)))
			.isEqualByComparingTo("0");
	}
}
