package cn.unionportal.award;

/** The category a nominee is put forward in; the structure constraints count some of them. */
public enum NomineeCategory {

	FRONT_LINE, TECHNICAL, ENTERPRISE_HEAD, MANAGEMENT, COLLECTIVE;

	/** Categories offered for a person (the collective one only for collective honours). */
	public static NomineeCategory[] forPersons() {
		return new NomineeCategory[] { FRONT_LINE, TECHNICAL, ENTERPRISE_HEAD, MANAGEMENT };
	}
}
