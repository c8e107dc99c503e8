package cn.unionportal.account;

import java.util.Optional;

import cn.unionportal.account.StaffUserDetailsService.Resolved;
import cn.unionportal.shared.limits.AttemptLimits;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in for staff and members. The typed name is canonicalized once and resolved to an
 * account before anything is counted, so failures count per account whatever spelling was typed
 * (U+3000, full-width digits, case). The password is always checked (a dummy hash for unknown
 * names), and every refusal throws the same {@link BadCredentialsException}: the page cannot
 * tell a wrong password from an unknown, locked or disabled account. Each client address has an
 * allowance of failures per window as well.
 */
class PortalAuthenticationProvider implements AuthenticationProvider {

	private final StaffUserDetailsService users;

	private final LoginAttempts attempts;

	private final PasswordEncoder passwordEncoder;

	private volatile String dummyHash;

	PortalAuthenticationProvider(StaffUserDetailsService users, LoginAttempts attempts,
			PasswordEncoder passwordEncoder) {
		this.users = users;
		this.attempts = attempts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String typed = LoginNames.strip(authentication.getName());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		Optional<AttemptLimits.Permit> admitted = attempts.admit(address);
		if (admitted.isEmpty()) {
			attempts.failed(null, typed, address, LoginOutcome.THROTTLED);
			throw refused();
		}
		Optional<Resolved> resolved = users.resolve(typed);
		if (resolved.isEmpty()) {
			passwordEncoder.matches(password, dummyHash());
			attempts.failed(null, typed, address, LoginOutcome.BAD_CREDENTIALS);
			throw refused();
		}
		UserDetails principal = resolved.get().principal();
		boolean matches = principal.getPassword() != null && passwordEncoder.matches(password, principal.getPassword());
		LoginOutcome refusal = !principal.isAccountNonLocked() ? LoginOutcome.LOCKED
				: !matches ? LoginOutcome.BAD_CREDENTIALS : !principal.isEnabled() ? LoginOutcome.DISABLED : null;
		if (refusal != null) {
			attempts.failed(resolved.get(), typed, address, refusal);
			throw refused();
		}
		attempts.succeeded(resolved.get(), address, admitted.get());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String dummyHash() {
		if (dummyHash == null) {
			dummyHash = passwordEncoder.encode("no-such-account-" + System.nanoTime());
		}
		return dummyHash;
	}

	private static BadCredentialsException refused() {
		return new BadCredentialsException("sign-in refused");
	}
}
