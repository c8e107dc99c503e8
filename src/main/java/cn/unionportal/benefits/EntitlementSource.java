package cn.unionportal.benefits;

/** Who granted an entitlement: staff by hand, or an award (later). */
public enum EntitlementSource {
	STAFF, AWARD
}
