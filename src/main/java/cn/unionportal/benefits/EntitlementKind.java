package cn.unionportal.benefits;

/** What a member is entitled to. */
public enum EntitlementKind {
	HEALTH_CHECK, RECUPERATION_LEAVE, OTHER
}
