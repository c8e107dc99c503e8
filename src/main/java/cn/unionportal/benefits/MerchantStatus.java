package cn.unionportal.benefits;

/** Inactive merchants stay on record but are not shown to members. */
public enum MerchantStatus {
	ACTIVE, INACTIVE
}
