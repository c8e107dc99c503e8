package cn.unionportal.aid.cases;

import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyValues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The amount rules of the yearly policy, without any I/O:
 * <ul>
 * <li>medical aid = (bill − insurance reimbursement − other aid) × the rate of the household's tier
 * ({@code MEDICAL_RATE_NONE} without a file), never below zero, and at most what remains of the
 * member's {@code MEDICAL_CAP} for the year;</li>
 * <li>education grant = the amount of the school level;</li>
 * <li>living allowance = the amount of the tier ({@code LIVING_SUDDEN} without a file);</li>
 * <li>holiday visit = {@code HOLIDAY_VISIT};</li>
 * <li>legal aid, mutual-aid claims and other aid: 0 (an amount is then entered with a reason).</li>
 * </ul>
 * Computed amounts are rounded half-up to whole yuan (7,874.30 → 7,874; 0.50 → 1) and carry two
 * decimals like every amount in yuan.
 */
public final class AidAmountRules {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private AidAmountRules() {
	}

	/**
	 * What a case asks for.
	 *
	 * @param tier the tier of the household file, {@code null} for a case without a file
	 * @param medicalUsed the member's medical aid of the year so far (approved, paid or waiting for
	 *        a decision; not this case)
	 */
	public record Input(AidKind kind, HardshipTier tier, SchoolLevel schoolLevel, BigDecimal bill, BigDecimal insurance,
			BigDecimal otherAid, BigDecimal medicalUsed) {

		public static Input medical(HardshipTier tier, BigDecimal bill, BigDecimal insurance, BigDecimal otherAid,
				BigDecimal used) {
			return new Input(AidKind.MEDICAL_AID, tier, null, bill, insurance, otherAid, used);
		}

		public static Input of(AidKind kind, HardshipTier tier, SchoolLevel schoolLevel) {
			return new Input(kind, tier, schoolLevel, null, null, null, null);
		}
	}

	public static AidAmount compute(Input input, AidPolicyValues policy) {
		return switch (input.kind()) {
			case MEDICAL_AID -> medical(input, policy);
			case EDUCATION_GRANT -> input.schoolLevel() == null ? none(policy, "aid.case.rule.EDUCATION_GRANT_NO_LEVEL")
					: fixed(AidPolicyKey.education(input.schoolLevel()), policy, "aid.case.rule.EDUCATION_GRANT");
			case LIVING_ALLOWANCE -> fixed(AidPolicyKey.living(input.tier()), policy, "aid.case.rule.LIVING_ALLOWANCE");
			case HOLIDAY_VISIT -> fixed(AidPolicyKey.HOLIDAY_VISIT, policy, "aid.case.rule.HOLIDAY_VISIT");
			case LEGAL_AID, MUTUAL_AID_CLAIM, OTHER -> none(policy, "aid.case.rule.NONE");
		};
	}

	/** Half-up to whole yuan, with two decimals. */
	public static BigDecimal wholeYuan(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
	}

	private static AidAmount medical(Input input, AidPolicyValues policy) {
		BigDecimal bill = orZero(input.bill());
		BigDecimal insurance = orZero(input.insurance());
		BigDecimal other = orZero(input.otherAid());
		AidPolicyKey rateKey = AidPolicyKey.medicalRate(input.tier());
		BigDecimal rate = policy.get(rateKey);
		BigDecimal selfPaid = bill.subtract(insurance).subtract(other).max(BigDecimal.ZERO);
		BigDecimal raw = wholeYuan(selfPaid.multiply(rate));
		String percent = plain(rate.multiply(HUNDRED)) + "%";
		StringBuilder formula = new StringBuilder(prefix(policy)).append(rateKey)
			.append(": (")
			.append(plain(bill))
			.append(" − ")
			.append(plain(insurance))
			.append(" − ")
			.append(plain(other))
			.append(") × ")
			.append(percent)
			.append(" = ")
			.append(plain(raw));
		BigDecimal cap = policy.get(AidPolicyKey.MEDICAL_CAP);
		BigDecimal used = orZero(input.medicalUsed());
		BigDecimal remaining = cap.subtract(used).max(BigDecimal.ZERO);
		if (raw.compareTo(remaining) > 0) {
			BigDecimal capped = wholeYuan(remaining.setScale(0, RoundingMode.DOWN));
			formula.append("; MEDICAL_CAP ")
				.append(plain(cap))
				.append(" − ")
				.append(plain(used))
				.append(" = ")
				.append(plain(capped));
			return new AidAmount(capped, "aid.case.rule.MEDICAL_AID_CAPPED",
					List.of(percent, plain(cap), String.valueOf(policy.sourceYear()), plain(used), plain(capped)),
					formula.toString());
		}
		return new AidAmount(raw, "aid.case.rule.MEDICAL_AID",
				List.of(percent, plain(cap), String.valueOf(policy.sourceYear())), formula.toString());
	}

	private static AidAmount fixed(AidPolicyKey key, AidPolicyValues policy, String messageKey) {
		BigDecimal amount = wholeYuan(policy.get(key));
		return new AidAmount(amount, messageKey, List.of(plain(amount), String.valueOf(policy.sourceYear())),
				prefix(policy) + key + " = " + plain(amount));
	}

	private static AidAmount none(AidPolicyValues policy, String messageKey) {
		return new AidAmount(BigDecimal.ZERO.setScale(2), messageKey, List.of(), prefix(policy) + "0");
	}

	private static String prefix(AidPolicyValues policy) {
		return "[" + policy.sourceYear() + "] ";
	}

	private static BigDecimal orZero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	/** 140278.00 → "140278", 0.70 → "0.7". */
	public static String plain(BigDecimal value) {
		return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
	}
}
