package cn.unionportal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.unionportal.shared.masking.Masking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins (locking an account after too many) and writes the login log.
 */
@Component
class LoginAttempts {

	private final StaffAccountRepository accounts;

	private final LoginEventRepository log;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	private final List<LoginSource> otherSources;

	LoginAttempts(StaffAccountRepository accounts, LoginEventRepository log, Clock clock,
			@Value("${portal.login.max-failures:5}") int maxFailures,
			@Value("${portal.login.lock-duration:15m}") Duration lockDuration, List<LoginSource> otherSources) {
		this.otherSources = otherSources;
		this.accounts = accounts;
		this.log = log;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		accounts.recordSuccess(username);
		otherSources.forEach(source -> source.succeeded(username));
		record(event, username, LoginOutcome.SUCCESS);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		LoginOutcome outcome;
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			Instant now = clock.instant();
			accounts.recordFailure(username, now, maxFailures, now.plus(lockDuration));
			otherSources.forEach(source -> source.failed(username, now, maxFailures, now.plus(lockDuration)));
			outcome = LoginOutcome.BAD_CREDENTIALS;
		}
		else if (event instanceof AuthenticationFailureLockedEvent) {
			outcome = LoginOutcome.LOCKED;
		}
		else if (event instanceof AuthenticationFailureDisabledEvent) {
			outcome = LoginOutcome.DISABLED;
		}
		else {
			outcome = LoginOutcome.BAD_CREDENTIALS;
		}
		record(event, username, outcome);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onLogout(LogoutSuccessEvent event) {
		record(event, event.getAuthentication().getName(), LoginOutcome.LOGOUT);
	}

	/** Members may sign in with their mobile number: the log keeps it masked. */
	static String loggedName(String username) {
		return username != null && username.strip().matches("1[3-9]\\d{9}") ? Masking.phone(username.strip()) : username;
	}

	private void record(AbstractAuthenticationEvent event, String username, LoginOutcome outcome) {
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		log.save(new LoginEvent(clock.instant(), loggedName(username), address, outcome));
	}
}
