package cn.unionportal.aid;

/** Why a household is in hardship; several may apply. */
public enum HardshipCause {
	ILLNESS, DISABILITY, SCHOOLING, ACCIDENT, UNEMPLOYMENT, DISASTER, OTHER
}
