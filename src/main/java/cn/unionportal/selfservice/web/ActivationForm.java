package cn.unionportal.selfservice.web;

import cn.unionportal.selfservice.SelfServiceManagement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The activation form. */
record ActivationForm(@NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.size.max}") String cardNumber,
		@NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}") String idNumber,
		@NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.size.max}") String phone,
		@NotBlank(message = "{validation.required}") String password,
		@NotBlank(message = "{validation.required}") String confirmPassword) {

	SelfServiceManagement.Activation activation() {
		return new SelfServiceManagement.Activation(cardNumber, idNumber, phone, password, confirmPassword);
	}
}
