package cn.unionportal.audit;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The audit module's answer to "may this user read the audit trail" (issue 9). */
@Component
public class AuditPermissions {

	/** The audit trail of a subtree is read by its administrators. */
	public boolean mayRead(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireRead(CurrentUser user) {
		if (!mayRead(user)) {
			throw new ForbiddenException("the audit trail is for administrators");
		}
	}
}
