package cn.unionportal.benefits;

/** Kinds of benefit programme members are enrolled in. */
public enum ProgrammeKind {

	/** The yearly mutual-aid medical insurance (职工互助保障). */
	MUTUAL_AID_INSURANCE
}
