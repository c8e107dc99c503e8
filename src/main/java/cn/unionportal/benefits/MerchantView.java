package cn.unionportal.benefits;

/** A partner merchant and the discount it gives card holders. */
public record MerchantView(long id, String name, MerchantCategory category, long districtId, String districtName,
		String address, String discount, MerchantStatus status, long version) {

	public boolean isActive() {
		return status == MerchantStatus.ACTIVE;
	}
}
