package cn.unionportal.organization;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The organization module's answers to "may this user do X here" (issue 9): asked by
 * {@link OrganizationManagement} and the organization pages. Scope comes first (404, {@link Scope});
 * these are the role checks (403) after it.
 */
@Component
public class OrganizationPermissions {

	/** Creating, editing, moving, dissolving organizations and changing affiliations: administrators. */
	public boolean mayChange(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireChange(CurrentUser user) {
		if (!mayChange(user)) {
			throw new ForbiddenException("organization changes need an administrator");
		}
	}
}
