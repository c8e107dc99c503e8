package cn.unionportal.account;

import java.util.Set;

import cn.unionportal.shared.security.StaffRole;

/** An account as lists and the edit form show it. */
public record AccountSummary(long id, String username, String displayName, long organizationId,
		String organizationName, Set<StaffRole> roles, boolean enabled, boolean locked, boolean mustChangePassword,
		long version) {
}
