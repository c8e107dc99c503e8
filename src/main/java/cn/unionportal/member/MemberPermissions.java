package cn.unionportal.member;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The member module's answers to "may this user do X here" (issue 9); scope (404) comes first. */
@Component
public class MemberPermissions {

	/** Showing a full ID or phone number, and exporting unmasked: administrators. */
	public boolean mayReveal(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireReveal(CurrentUser user, String message) {
		if (!mayReveal(user)) {
			throw new ForbiddenException(message);
		}
	}
}
