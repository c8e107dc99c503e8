package cn.unionportal.account.web;

import java.util.Set;

import cn.unionportal.shared.security.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Changes to an existing account. */
record AccountEditForm(
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.size.max}") String displayName,
		@NotEmpty(message = "{account.error.rolesRequired}") Set<StaffRole> roles, Boolean enabled, Long version) {

	/** An unchecked checkbox sends nothing: that means disabled. */
	boolean isEnabled() {
		return Boolean.TRUE.equals(enabled);
	}
}
