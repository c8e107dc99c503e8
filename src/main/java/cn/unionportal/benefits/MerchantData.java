package cn.unionportal.benefits;

/** What federation staff enter for a partner merchant. */
public record MerchantData(String name, MerchantCategory category, Long districtId, String address,
		String discount) {
}
