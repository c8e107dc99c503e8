package cn.unionportal.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Another kind of account that signs in at the same {@code /login} (members' self-service
 * accounts), provided by another module. Staff accounts are looked up first. Failures are
 * counted per resolved account, never per typed string.
 */
public interface LoginSource {

	/**
	 * The principal for a login name, or empty when the name is not one of this source's. The
	 * name has been through {@link LoginNames#strip(String)}; the principal's user name is the
	 * source's canonical form of it (what the login log shows).
	 */
	Optional<UserDetails> load(String loginName);

	/** A wrong password for one of this source's principals: count it, and lock at {@code maxFailures}. */
	void failed(UserDetails principal, Instant now, int maxFailures, Instant lockUntil);

	/** A successful sign-in: the failure count starts again. */
	void succeeded(UserDetails principal);

	/**
	 * Whether a signed-in principal still holds its rights (its account's security stamp is
	 * unchanged): {@code Optional.of(false)} ends the session; empty when the principal is not
	 * one of this source's.
	 */
	Optional<Boolean> isCurrent(Object principal);
}
