package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidAmount;
import cn.unionportal.aid.cases.AidAmountRules;
import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.cases.SchoolLevel;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyValues;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The amount rules with the default policy of 2026 (the values of migration V6), pinned on the
 * seed examples of the Weihai federation.
 */
class AidAmountRulesTest {

	static final AidPolicyValues POLICY_2026 = new AidPolicyValues(2026, 2026, defaults());

	static Map<AidPolicyKey, BigDecimal> defaults() {
		Map<AidPolicyKey, BigDecimal> values = new EnumMap<>(AidPolicyKey.class);
		values.put(AidPolicyKey.MEDICAL_RATE_DEEP, new BigDecimal("0.8000"));
		values.put(AidPolicyKey.MEDICAL_RATE_RELATIVE, new BigDecimal("0.7000"));
		values.put(AidPolicyKey.MEDICAL_RATE_SUDDEN, new BigDecimal("0.5500"));
		values.put(AidPolicyKey.MEDICAL_RATE_NONE, new BigDecimal("0.5500"));
		values.put(AidPolicyKey.MEDICAL_CAP, new BigDecimal("30000"));
		values.put(AidPolicyKey.EDUCATION_PRIMARY, new BigDecimal("1000"));
		values.put(AidPolicyKey.EDUCATION_JUNIOR, new BigDecimal("1500"));
		values.put(AidPolicyKey.EDUCATION_SENIOR, new BigDecimal("2000"));
		values.put(AidPolicyKey.EDUCATION_VOCATIONAL, new BigDecimal("3000"));
		values.put(AidPolicyKey.EDUCATION_UNIVERSITY, new BigDecimal("8000"));
		values.put(AidPolicyKey.LIVING_DEEP, new BigDecimal("6000"));
		values.put(AidPolicyKey.LIVING_RELATIVE, new BigDecimal("3000"));
		values.put(AidPolicyKey.LIVING_SUDDEN, new BigDecimal("5000"));
		values.put(AidPolicyKey.HOLIDAY_VISIT, new BigDecimal("500"));
		values.put(AidPolicyKey.DISTRICT_APPROVAL_LIMIT, new BigDecimal("10000"));
		return values;
	}

	private static BigDecimal yuan(String amount) {
		return new BigDecimal(amount);
	}

	private static AidAmount medical(HardshipTier tier, String bill, String insurance, String other, String used) {
		return AidAmountRules.compute(AidAmountRules.Input.medical(tier, yuan(bill), yuan(insurance), yuan(other),
				yuan(used)), POLICY_2026);
	}

	@Test
	void liuSuimeiRelativeHardshipGets7874YuanMedicalAid() {
		// 刘绥梅: hospital bill 140,278, insurance reimbursed 120,000, mutual-aid insurance paid 9,029
		AidAmount aid = medical(HardshipTier.RELATIVE, "140278", "120000", "9029", "0");

		// (140,278 − 120,000 − 9,029) × 70% = 11,249 × 0.7 = 7,874.30 → 7,874
		assertThat(aid.amount()).isEqualByComparingTo("7874");
		assertThat(aid.amount().scale()).isEqualTo(2);
		assertThat(aid.formula()).isEqualTo("[2026] MEDICAL_RATE_RELATIVE: (140278 − 120000 − 9029) × 70% = 7874");
		assertThat(aid.messageKey()).isEqualTo("aid.case.rule.MEDICAL_AID");
		assertThat(aid.arguments()).containsExactly("70%", "30000", "2026");
	}

	@Test
	void wangJianchuDeepHardshipGets14000YuanLivingAllowanceAndUniversityGrant() {
		// 王建初, deep hardship: living allowance 6,000 + education grant (university) 8,000
		AidAmount living = AidAmountRules.compute(
				AidAmountRules.Input.of(AidKind.LIVING_ALLOWANCE, HardshipTier.DEEP, null), POLICY_2026);
		AidAmount grant = AidAmountRules.compute(
				AidAmountRules.Input.of(AidKind.EDUCATION_GRANT, HardshipTier.DEEP, SchoolLevel.UNIVERSITY), POLICY_2026);

		assertThat(living.amount()).isEqualByComparingTo("6000");
		assertThat(living.formula()).isEqualTo("[2026] LIVING_DEEP = 6000");
		assertThat(grant.amount()).isEqualByComparingTo("8000");
		assertThat(grant.formula()).isEqualTo("[2026] EDUCATION_UNIVERSITY = 8000");
		assertThat(living.amount().add(grant.amount())).isEqualByComparingTo("14000");
	}

	@Test
	void aSecondMedicalCaseInTheYearGetsOnlyWhatRemainsOfTheCap() {
		// deep hardship, 40,000 self-paid × 80% = 32,000: the first case is capped at 30,000
		AidAmount first = medical(HardshipTier.DEEP, "60000", "20000", "0", "0");
		assertThat(first.amount()).isEqualByComparingTo("30000");
		assertThat(first.messageKey()).isEqualTo("aid.case.rule.MEDICAL_AID_CAPPED");

		// after 25,000 this year, 10,000 × 80% = 8,000 is limited to the 5,000 left
		AidAmount second = medical(HardshipTier.DEEP, "10000", "0", "0", "25000");
		assertThat(second.amount()).isEqualByComparingTo("5000");
		assertThat(second.formula()).endsWith("= 8000; MEDICAL_CAP 30000 − 25000 = 5000");
		assertThat(second.arguments()).containsExactly("80%", "30000", "2026", "25000", "5000");

		// with the cap used up nothing is left
		assertThat(medical(HardshipTier.DEEP, "10000", "0", "0", "30000").amount()).isEqualByComparingTo("0");
	}

	@Test
	void medicalRatesFollowTheTierAndAStandaloneCaseUsesTheNoneRate() {
		assertThat(medical(HardshipTier.DEEP, "10000", "0", "0", "0").amount()).isEqualByComparingTo("8000");
		assertThat(medical(HardshipTier.SUDDEN, "10000", "0", "0", "0").amount()).isEqualByComparingTo("5500");
		AidAmount standalone = medical(null, "10000", "0", "0", "0");
		assertThat(standalone.amount()).isEqualByComparingTo("5500");
		assertThat(standalone.formula()).startsWith("[2026] MEDICAL_RATE_NONE:");
	}

	@Test
	void reimbursementsAboveTheBillGiveZeroNotANegativeAmount() {
		assertThat(medical(HardshipTier.RELATIVE, "1000", "900", "200", "0").amount()).isEqualByComparingTo("0");
	}

	@Test
	void computedAmountsAreRoundedHalfUpToWholeYuan() {
		// 1,001 × 55% = 550.55 → 551; 999 × 55% = 549.45 → 549
		assertThat(medical(HardshipTier.SUDDEN, "1001", "0", "0", "0").amount()).isEqualByComparingTo("551");
		assertThat(medical(HardshipTier.SUDDEN, "999", "0", "0", "0").amount()).isEqualByComparingTo("549");
		assertThat(AidAmountRules.wholeYuan(new BigDecimal("0.50"))).isEqualByComparingTo("1");
		assertThat(AidAmountRules.wholeYuan(new BigDecimal("7874.30")).toPlainString()).isEqualTo("7874.00");
	}

	@Test
	void educationGrantsFollowTheSchoolLevel() {
		Map<SchoolLevel, String> expected = Map.of(SchoolLevel.PRIMARY, "1000", SchoolLevel.JUNIOR, "1500",
				SchoolLevel.SENIOR, "2000", SchoolLevel.VOCATIONAL, "3000", SchoolLevel.UNIVERSITY, "8000");
		expected.forEach((level, amount) -> assertThat(AidAmountRules
			.compute(AidAmountRules.Input.of(AidKind.EDUCATION_GRANT, null, level), POLICY_2026)
			.amount()).as(level.name()).isEqualByComparingTo(amount));
		AidAmount noLevel = AidAmountRules.compute(AidAmountRules.Input.of(AidKind.EDUCATION_GRANT, null, null),
				POLICY_2026);
		assertThat(noLevel.amount()).isEqualByComparingTo("0");
		assertThat(noLevel.messageKey()).isEqualTo("aid.case.rule.EDUCATION_GRANT_NO_LEVEL");
	}

	@Test
	void livingAllowanceFollowsTheTierAndAStandaloneCaseGetsTheSuddenAmount() {
		assertThat(AidAmountRules.compute(AidAmountRules.Input.of(AidKind.LIVING_ALLOWANCE, HardshipTier.RELATIVE, null),
				POLICY_2026).amount()).isEqualByComparingTo("3000");
		AidAmount standalone = AidAmountRules.compute(AidAmountRules.Input.of(AidKind.LIVING_ALLOWANCE, null, null),
				POLICY_2026);
		assertThat(standalone.amount()).isEqualByComparingTo("5000");
		assertThat(standalone.formula()).isEqualTo("[2026] LIVING_SUDDEN = 5000");
	}

	@Test
	void holidayVisitsHaveTheirFixedAmount() {
		assertThat(AidAmountRules.compute(AidAmountRules.Input.of(AidKind.HOLIDAY_VISIT, null, null), POLICY_2026)
			.amount()).isEqualByComparingTo("500");
	}

	@Test
	void legalAidMutualAidClaimsAndOtherAidComputeZero() {
		// 孙晓彬's legal aid obtained a 50,000 yuan settlement for him; the aid amount itself is 0
		for (AidKind kind : new AidKind[] { AidKind.LEGAL_AID, AidKind.MUTUAL_AID_CLAIM, AidKind.OTHER }) {
			AidAmount aid = AidAmountRules.compute(AidAmountRules.Input.of(kind, HardshipTier.DEEP, null), POLICY_2026);
			assertThat(aid.amount()).as(kind.name()).isEqualByComparingTo("0");
			assertThat(aid.messageKey()).isEqualTo("aid.case.rule.NONE");
		}
	}

	@Test
	void anInheritedPolicyNamesTheYearItComesFrom() {
		AidPolicyValues inherited = new AidPolicyValues(2027, 2026, defaults());
		AidAmount aid = AidAmountRules.compute(AidAmountRules.Input.of(AidKind.HOLIDAY_VISIT, null, null), inherited);
		assertThat(aid.formula()).isEqualTo("[2026] HOLIDAY_VISIT = 500");
		assertThat(inherited.isInherited()).isTrue();
	}
}
