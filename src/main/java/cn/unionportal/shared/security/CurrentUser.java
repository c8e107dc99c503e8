package cn.unionportal.shared.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting, and the organization whose subtree is their scope. Passed explicitly into every
 * service method that reads or changes scoped data, so scope checks live in the service layer.
 */
public record CurrentUser(long accountId, String username, long organizationId, Set<StaffRole> roles)
		implements java.io.Serializable {

	public CurrentUser {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** The system itself (start-up loaders), scoped to the given root organization. */
	public static CurrentUser system(long rootOrganizationId) {
		return new CurrentUser(0, "system", rootOrganizationId, Set.of(StaffRole.FEDERATION_ADMIN));
	}

	public boolean has(StaffRole role) {
		return roles.contains(role);
	}

	/** Federation and organization administrators manage organizations and accounts. */
	public boolean isAdministrator() {
		return has(StaffRole.FEDERATION_ADMIN) || has(StaffRole.ORG_ADMIN);
	}
}
