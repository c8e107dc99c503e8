package cn.unionportal.account;

import java.util.Set;

import cn.unionportal.shared.security.StaffRole;

/** What it takes to open an account. The password is a temporary one, changed at first login. */
public record NewAccount(String username, String displayName, long organizationId, Set<StaffRole> roles,
		String initialPassword) {
}
