package cn.unionportal.aid.cases;

import org.springframework.modulith.NamedInterface;

/** Kinds of aid a case records. */
@NamedInterface("cases")
public enum AidKind {
	LIVING_ALLOWANCE, EDUCATION_GRANT, MEDICAL_AID, LEGAL_AID, MUTUAL_AID_CLAIM, HOLIDAY_VISIT, OTHER
}
