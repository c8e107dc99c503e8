package cn.unionportal.organization;

/** Lifecycle of an organization. */
public enum OrganizationStatus {
	ACTIVE, DISSOLVED
}
