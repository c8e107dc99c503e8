package cn.unionportal.selfservice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.unionportal.account.PasswordPolicy;
import cn.unionportal.member.CardNumbers;
import cn.unionportal.member.MemberEvents.MemberStatusChanged;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' self-service accounts: activation without staff (card number + full ID number +
 * mobile number on record, one neutral answer for any wrong combination, rate-limited per card
 * and per address), password and phone changes by the member, and the staff reset.
 */
@Service
@Transactional(readOnly = true)
public class SelfServiceManagement {

	static final String BY_CARD = "activation-card";

	static final String BY_ADDRESS = "activation-address";

	private final MemberAccountRepository accounts;

	private final MemberManagement members;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final AttemptLimits limits;

	private final Clock clock;

	private final int attemptsPerCard;

	private final int attemptsPerAddress;

	private final Duration window;

	SelfServiceManagement(MemberAccountRepository accounts, MemberManagement members, PasswordEncoder passwordEncoder,
			AuditTrail audit, JdbcClient jdbc, AttemptLimits limits, Clock clock,
			@Value("${portal.selfservice.attempts-per-card:5}") int attemptsPerCard,
			@Value("${portal.selfservice.attempts-per-address:20}") int attemptsPerAddress,
			@Value("${portal.selfservice.attempt-window:15m}") Duration window) {
		this.accounts = accounts;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
		this.attemptsPerCard = attemptsPerCard;
		this.attemptsPerAddress = attemptsPerAddress;
		this.window = window;
	}

	/** What a member types to activate their account. */
	public record Activation(String cardNumber, String idNumber, String phone, String password,
			String confirmPassword) {
	}

	/**
	 * Activates the member's account. Any wrong combination answers the same
	 * {@code selfservice.activation.failed}; too many attempts answer
	 * {@code selfservice.activation.tooMany} whatever was typed. An attempt takes its slots of the
	 * per-card and per-address limits before it checks (atomically, so a burst of parallel guesses
	 * gets exactly the limit through) and gives them back when the identity matched. A refusal is
	 * an exception that commits (the slot taken and the logged attempt stay).
	 * @return the member's id
	 */
	@Transactional(noRollbackFor = RuleViolationException.class)
	public long activate(Activation activation, String address) {
		String card = CardNumbers.normalize(activation.cardNumber());
		String key = card.isEmpty() ? "-" : card.substring(0, Math.min(card.length(), 20));
		String from = address == null ? "-" : address.length() > 64 ? address.substring(0, 64) : address;
		AttemptLimits.Permit permit = limits
			.tryAcquire(new AttemptLimits.Limit(BY_CARD, key, attemptsPerCard, window),
					new AttemptLimits.Limit(BY_ADDRESS, from, attemptsPerAddress, window))
			.orElseThrow(() -> new RuleViolationException(null, "selfservice.activation.tooMany"));
		Optional<Long> memberId = members.findIdByCardNumber(card)
			.filter(id -> members.selfView(id).status() == MemberStatus.ACTIVE)
			.filter(id -> members.matchesIdentity(id, activation.idNumber(), activation.phone()));
		if (memberId.isEmpty()) {
			recordAttempt(key, from);
			throw new RuleViolationException(null, "selfservice.activation.failed");
		}
		limits.release(permit);
		long id = memberId.get();
		if (accounts.findByMemberId(id).isPresent()) {
			throw new RuleViolationException(null, "selfservice.activation.already");
		}
		checkNewPassword("password", card, activation.password(), activation.confirmPassword());
		// a statement that cannot fail: a failed insert would doom the transaction that must commit
		Timestamp now = Timestamp.from(clock.instant());
		int created = jdbc.sql("""
				INSERT INTO member_account (member_id, password_hash, activated_at, updated_at)
				VALUES (:member, :hash, :now, :now) ON CONFLICT DO NOTHING
				""")
			.param("member", id)
			.param("hash", passwordEncoder.encode(activation.password()))
			.param("now", now)
			.update();
		if (created == 0) {
			throw new RuleViolationException(null, "selfservice.activation.already");
		}
		MemberView member = members.selfView(id);
		audit.record("member:" + member.cardNumber(), "ACCOUNT_ACTIVATED", "MEMBER", id, member.organizationId(), null);
		return id;
	}

	/**
	 * The member changes their password. Their other sessions end. @return the account's new
	 * security stamp, for the session that made the change
	 */
	@Transactional
	public long changePassword(long memberId, String currentPassword, String newPassword, String confirmPassword) {
		MemberAccount account = accounts.findByMemberId(memberId)
			.orElseThrow(() -> new RuleViolationException("currentPassword", "account.error.currentPasswordWrong"));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new RuleViolationException("currentPassword", "account.error.currentPasswordWrong");
		}
		MemberView member = members.selfView(memberId);
		checkNewPassword("newPassword", member.cardNumber(), newPassword, confirmPassword);
		account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		accounts.saveAndFlush(account);
		audit.record("member:" + member.cardNumber(), "PASSWORD_CHANGED", "MEMBER", memberId, member.organizationId(),
				null);
		return account.getSessionVersion();
	}

	/**
	 * A member who is no longer active cannot sign in, and their open sessions end now: in the
	 * status change's own transaction (a synchronous listener, not an {@code @ApplicationModuleListener}),
	 * so no request slips in between the change and the end of the sessions.
	 */
	@EventListener
	@Transactional
	public void on(MemberStatusChanged event) {
		accounts.endSessions(event.memberId());
	}

	/** The member changes their mobile number, confirmed by their password. */
	@Transactional
	public void changePhone(long memberId, String password, String newPhone) {
		MemberAccount account = accounts.findByMemberId(memberId)
			.orElseThrow(() -> new RuleViolationException("password", "account.error.currentPasswordWrong"));
		if (password == null || !passwordEncoder.matches(password, account.getPasswordHash())) {
			throw new RuleViolationException("password", "account.error.currentPasswordWrong");
		}
		members.changeOwnPhone(memberId, newPhone);
	}

	/** When the member activated their account, or empty. */
	public Optional<LocalDateTime> activatedAt(long memberId) {
		return accounts.findByMemberId(memberId)
			.map(account -> LocalDateTime.ofInstant(account.getActivatedAt(), clock.getZone()));
	}

	/** Staff reset a member's activation (the member activates again). Scope as for the member. */
	@Transactional
	public void resetActivation(CurrentUser user, long memberId) {
		MemberView member = members.get(user, memberId);
		if (accounts.deleteByMember(memberId) > 0) {
			audit.record(user.username(), "ACCOUNT_RESET", "MEMBER", memberId, member.organizationId(), null);
		}
	}

	/** Logs a wrong attempt (the limits count; the log is purged by retention). */
	private void recordAttempt(String card, String address) {
		jdbc.sql("INSERT INTO activation_attempt (card_number, address, attempted_at) VALUES (:card, :address, :at)")
			.param("card", card)
			.param("address", address)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private static void checkNewPassword(String field, String card, String password, String confirm) {
		PasswordPolicy.check(field, card, password);
		if (!password.equals(confirm)) {
			throw new RuleViolationException("confirmPassword", "account.error.passwordMismatch");
		}
	}
}
