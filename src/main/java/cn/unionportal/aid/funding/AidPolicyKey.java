package cn.unionportal.aid.funding;

import cn.unionportal.aid.cases.SchoolLevel;
import cn.unionportal.aid.files.HardshipTier;

/**
 * The rules of the yearly aid policy ({@code aid_policy.rule_key}): medical-aid rates by hardship
 * tier (fractions, {@code NONE} for a case without a household file) and the yearly cap per member,
 * education grants by school level, living allowances by tier, the holiday visit amount, and the
 * largest requested amount a district federation may approve.
 */
public enum AidPolicyKey {

	MEDICAL_RATE_DEEP(true), MEDICAL_RATE_RELATIVE(true), MEDICAL_RATE_SUDDEN(true), MEDICAL_RATE_NONE(true),
	MEDICAL_CAP(false),
	EDUCATION_PRIMARY(false), EDUCATION_JUNIOR(false), EDUCATION_SENIOR(false), EDUCATION_VOCATIONAL(false),
	EDUCATION_UNIVERSITY(false),
	LIVING_DEEP(false), LIVING_RELATIVE(false), LIVING_SUDDEN(false),
	HOLIDAY_VISIT(false),
	DISTRICT_APPROVAL_LIMIT(false);

	private final boolean rate;

	AidPolicyKey(boolean rate) {
		this.rate = rate;
	}

	/** A rate (a fraction between 0 and 1) rather than an amount in yuan. */
	public boolean isRate() {
		return rate;
	}

	public static AidPolicyKey medicalRate(HardshipTier tier) {
		return tier == null ? MEDICAL_RATE_NONE : valueOf("MEDICAL_RATE_" + tier.name());
	}

	public static AidPolicyKey education(SchoolLevel level) {
		return valueOf("EDUCATION_" + level.name());
	}

	/** A case without a household file is paid the sudden-hardship living allowance. */
	public static AidPolicyKey living(HardshipTier tier) {
		return valueOf("LIVING_" + (tier == null ? HardshipTier.SUDDEN : tier).name());
	}
}
