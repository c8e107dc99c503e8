package cn.unionportal.account.web;

import jakarta.validation.constraints.NotBlank;

/** Changing one's own password. */
record PasswordForm(@NotBlank(message = "{validation.required}") String currentPassword,
		@NotBlank(message = "{validation.required}") String newPassword,
		@NotBlank(message = "{validation.required}") String confirmPassword) {
}
