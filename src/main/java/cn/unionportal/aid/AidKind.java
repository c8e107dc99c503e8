package cn.unionportal.aid;

/** Kinds of aid a case records. */
public enum AidKind {
	LIVING_ALLOWANCE, EDUCATION_GRANT, MEDICAL_AID, LEGAL_AID, MUTUAL_AID_CLAIM, HOLIDAY_VISIT, OTHER
}
