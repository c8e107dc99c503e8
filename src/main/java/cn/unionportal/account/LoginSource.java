package cn.unionportal.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Another kind of account that signs in at the same {@code /login} (members' self-service
 * accounts), provided by another module. Staff accounts are looked up first.
 */
public interface LoginSource {

	/** The principal for a login name, or empty when the name is not one of this source's. */
	Optional<UserDetails> load(String loginName);

	/** A wrong password for the login name: count it, and lock at {@code maxFailures}. */
	void failed(String loginName, Instant now, int maxFailures, Instant lockUntil);

	/** A successful sign-in: the failure count starts again. */
	void succeeded(String loginName);
}
