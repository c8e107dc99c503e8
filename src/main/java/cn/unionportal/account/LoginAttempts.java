package cn.unionportal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.unionportal.account.StaffUserDetailsService.Resolved;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.masking.Masking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per resolved account (locking it after too many) and per client
 * address (the shared {@link AttemptLimits}), and writes the login log. Each write commits on its
 * own, so the refusal that follows rolls nothing back.
 */
@Component
class LoginAttempts {

	/** The limit name of the per-address allowance in {@code attempt_counter}. */
	static final String BY_ADDRESS = "login-address";

	private final StaffAccountRepository accounts;

	private final LoginEventRepository log;

	private final AttemptLimits limits;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	private final int failuresPerAddress;

	private final Duration addressWindow;

	LoginAttempts(StaffAccountRepository accounts, LoginEventRepository log, AttemptLimits limits,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${portal.login.max-failures:5}") int maxFailures,
			@Value("${portal.login.lock-duration:15m}") Duration lockDuration,
			@Value("${portal.login.failures-per-address:20}") int failuresPerAddress,
			@Value("${portal.login.address-window:15m}") Duration addressWindow) {
		this.accounts = accounts;
		this.log = log;
		this.limits = limits;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
		this.failuresPerAddress = failuresPerAddress;
		this.addressWindow = addressWindow;
	}

	/**
	 * Takes one attempt from the address's allowance before the password is checked, atomically
	 * (concurrent attempts cannot all slip through; {@link AttemptLimits}, limit
	 * {@value #BY_ADDRESS}, fixed windows of {@code portal.login.address-window}). The slot is
	 * taken in a transaction of its own, so it stays taken when the refusal follows.
	 *
	 * @return the slot, to give back on a successful sign-in ({@link #succeeded}), or empty when
	 *         the address already used up its allowance in the current window
	 */
	Optional<AttemptLimits.Permit> admit(String address) {
		AttemptLimits.Limit limit = new AttemptLimits.Limit(BY_ADDRESS, addressKey(address), failuresPerAddress,
				addressWindow);
		return separately.execute(status -> limits.tryAcquire(limit));
	}

	/** A refused attempt (wrong password, unknown name, locked or disabled account, throttled address). */
	void failed(Resolved resolved, String typedName, String address, LoginOutcome outcome) {
		Instant now = clock.instant();
		separately.executeWithoutResult(status -> {
			if (outcome == LoginOutcome.BAD_CREDENTIALS && resolved != null) {
				Instant until = now.plus(lockDuration);
				if (resolved.principal() instanceof StaffPrincipal staff) {
					accounts.recordFailure(staff.currentUser().accountId(), now, maxFailures, until);
				}
				else {
					resolved.source().failed(resolved.principal(), now, maxFailures, until);
				}
			}
			record(resolved == null ? typedName : resolved.principal().getUsername(), address, outcome);
		});
	}

	/** A successful sign-in: clears the account's failures and gives the address's slot back. */
	void succeeded(Resolved resolved, String address, AttemptLimits.Permit admitted) {
		separately.executeWithoutResult(status -> {
			if (resolved.principal() instanceof StaffPrincipal staff) {
				accounts.recordSuccess(staff.currentUser().accountId());
			}
			else {
				resolved.source().succeeded(resolved.principal());
			}
			limits.release(admitted);
			record(resolved.principal().getUsername(), address, LoginOutcome.SUCCESS);
		});
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onLogout(LogoutSuccessEvent event) {
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		record(event.getAuthentication().getName(), address, LoginOutcome.LOGOUT);
	}

	/** Members may sign in with their mobile number: the log keeps it masked. */
	static String loggedName(String username) {
		if (username == null) {
			return "";
		}
		String name = username.strip().matches("1[3-9]\\d{9}") ? Masking.phone(username.strip()) : username;
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

	private void record(String username, String address, LoginOutcome outcome) {
		log.save(new LoginEvent(clock.instant(), loggedName(username), address, outcome));
	}

	/** Requests without an address share one key (a limit cuts long keys itself). */
	private static String addressKey(String address) {
		return address == null || address.isBlank() ? "-" : address;
	}
}
