package cn.unionportal.aid.files;

/** Why a household is in hardship; several may apply. */
public enum HardshipCause {
	ILLNESS, DISABILITY, SCHOOLING, ACCIDENT, UNEMPLOYMENT, DISASTER, OTHER
}
