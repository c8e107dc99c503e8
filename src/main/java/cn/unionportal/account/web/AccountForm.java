package cn.unionportal.account.web;

import java.util.Set;

import cn.unionportal.shared.security.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** New account. */
record AccountForm(
		@NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{account.username.pattern}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.size.max}") String displayName,
		@NotNull(message = "{validation.required}") Long organizationId,
		@NotEmpty(message = "{account.error.rolesRequired}") Set<StaffRole> roles,
		@NotBlank(message = "{validation.required}") String initialPassword) {
}
