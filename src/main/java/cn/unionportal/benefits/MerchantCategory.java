package cn.unionportal.benefits;

/** What a partner merchant offers. */
public enum MerchantCategory {
	DINING, RETAIL, HEALTH, EDUCATION, TRAVEL, SERVICES, OTHER
}
