package cn.unionportal.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.unionportal.account.StaffUserDetailsService.Resolved;
import cn.unionportal.shared.masking.Masking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per resolved account (locking it after too many) and per client
 * address, and writes the login log. Each write commits on its own, so the refusal that follows
 * rolls nothing back.
 */
@Component
class LoginAttempts {

	private final StaffAccountRepository accounts;

	private final LoginEventRepository log;

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	private final int failuresPerAddress;

	private final Duration addressWindow;

	LoginAttempts(StaffAccountRepository accounts, LoginEventRepository log, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${portal.login.max-failures:5}") int maxFailures,
			@Value("${portal.login.lock-duration:15m}") Duration lockDuration,
			@Value("${portal.login.failures-per-address:20}") int failuresPerAddress,
			@Value("${portal.login.address-window:15m}") Duration addressWindow) {
		this.accounts = accounts;
		this.log = log;
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
		this.failuresPerAddress = failuresPerAddress;
		this.addressWindow = addressWindow;
	}

	/**
	 * Takes one attempt from the address's allowance before the password is checked, in one
	 * locked row update (concurrent attempts cannot all slip through): false when the address
	 * already used up its allowance in the current window. A successful sign-in gives the attempt
	 * back ({@link #succeeded}).
	 */
	boolean admit(String address) {
		String key = addressKey(address);
		Instant now = clock.instant();
		Integer attempts = separately.execute(status -> {
			jdbc.sql("INSERT INTO login_address_attempt (address, window_start, attempts) VALUES (:address, :now, 0) "
					+ "ON CONFLICT DO NOTHING")
				.param("address", key)
				.param("now", Timestamp.from(now))
				.update();
			jdbc.sql("""
					UPDATE login_address_attempt SET
					  attempts = CASE WHEN window_start <= :since THEN 1 ELSE attempts + 1 END,
					  window_start = CASE WHEN window_start <= :since THEN :now ELSE window_start END
					WHERE address = :address
					""")
				.param("since", Timestamp.from(now.minus(addressWindow)))
				.param("now", Timestamp.from(now))
				.param("address", key)
				.update();
			return jdbc.sql("SELECT attempts FROM login_address_attempt WHERE address = :address")
				.param("address", key)
				.query(Integer.class)
				.single();
		});
		return attempts != null && attempts <= failuresPerAddress;
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

	void succeeded(Resolved resolved, String address) {
		separately.executeWithoutResult(status -> {
			if (resolved.principal() instanceof StaffPrincipal staff) {
				accounts.recordSuccess(staff.currentUser().accountId());
			}
			else {
				resolved.source().succeeded(resolved.principal());
			}
			jdbc.sql("UPDATE login_address_attempt SET attempts = attempts - 1 WHERE address = :address AND attempts > 0")
				.param("address", addressKey(address))
				.update();
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

	private static String addressKey(String address) {
		if (address == null || address.isBlank()) {
			return "-";
		}
		return address.length() > 64 ? address.substring(0, 64) : address;
	}
}
