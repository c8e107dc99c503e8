package cn.unionportal.benefits.web;

import cn.unionportal.benefits.MerchantCategory;
import cn.unionportal.benefits.MerchantData;
import cn.unionportal.benefits.MerchantView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Creating or editing a partner merchant. */
record MerchantForm(
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
		@NotNull(message = "{validation.required}") MerchantCategory category,
		@NotNull(message = "{validation.required}") Long districtId,
		@Size(max = 200, message = "{validation.size.max}") String address,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String discount,
		Long version) {

	static MerchantForm of(MerchantView m) {
		return new MerchantForm(m.name(), m.category(), m.districtId(), m.address(), m.discount(), m.version());
	}

	MerchantData data() {
		return new MerchantData(name, category, districtId, address, discount);
	}
}
