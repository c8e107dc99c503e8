package cn.unionportal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a password change, the session's principal no longer carries the "must change" flag and
 * carries the account's new security stamp: this session goes on, the user's other sessions end.
 */
@Component
public class PasswordChanged {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final StaffAccountRepository accounts;

	PasswordChanged(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	public void refreshSession(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffPrincipal principal) {
			StaffPrincipal updated = principal.withPasswordChanged(
					accounts.findSessionVersion(principal.currentUser().accountId()).orElse(-1L));
			UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
				.authenticated(updated, null, updated.getAuthorities());
			authentication.setDetails(current.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			repository.saveContext(context, request, response);
		}
	}
}
