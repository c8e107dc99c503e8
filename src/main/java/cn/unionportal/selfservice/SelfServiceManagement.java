package cn.unionportal.selfservice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.unionportal.account.PasswordPolicy;
import cn.unionportal.member.CardNumbers;
import cn.unionportal.member.MemberEvents.MemberStatusChanged;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' self-service accounts: activation without staff (card number + full ID number +
 * mobile number on record, one neutral answer for any wrong combination, rate-limited per card
 * and per address), password and phone changes by the member, and the staff reset.
 */
@Service
@Transactional(readOnly = true)
public class SelfServiceManagement {

	private final MemberAccountRepository accounts;

	private final MemberManagement members;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final int attemptsPerCard;

	private final int attemptsPerAddress;

	private final Duration window;

	SelfServiceManagement(MemberAccountRepository accounts, MemberManagement members, PasswordEncoder passwordEncoder,
			AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${portal.selfservice.attempts-per-card:5}") int attemptsPerCard,
			@Value("${portal.selfservice.attempts-per-address:20}") int attemptsPerAddress,
			@Value("${portal.selfservice.attempt-window:15m}") Duration window) {
		this.accounts = accounts;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions.getTransactionManager());
		this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
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
	 * {@code selfservice.activation.tooMany} whatever was typed. @return the member's id
	 */
	@Transactional
	public long activate(Activation activation, String address) {
		String card = CardNumbers.normalize(activation.cardNumber());
		String key = card.isEmpty() ? "-" : card.substring(0, Math.min(card.length(), 20));
		String from = address == null ? "-" : address;
		Instant since = clock.instant().minus(window);
		long byCard = count("card_number", key, since);
		long byAddress = count("address", from, since);
		if (byCard >= attemptsPerCard || byAddress >= attemptsPerAddress) {
			throw new RuleViolationException(null, "selfservice.activation.tooMany");
		}
		Optional<Long> memberId = members.findIdByCardNumber(card)
			.filter(id -> members.selfView(id).status() == MemberStatus.ACTIVE)
			.filter(id -> members.matchesIdentity(id, activation.idNumber(), activation.phone()));
		if (memberId.isEmpty()) {
			recordAttempt(key, from);
			throw new RuleViolationException(null, "selfservice.activation.failed");
		}
		long id = memberId.get();
		if (accounts.findByMemberId(id).isPresent()) {
			throw new RuleViolationException(null, "selfservice.activation.already");
		}
		checkNewPassword("password", card, activation.password(), activation.confirmPassword());
		try {
			accounts.saveAndFlush(new MemberAccount(id, passwordEncoder.encode(activation.password()), clock.instant()));
		}
		catch (DataIntegrityViolationException concurrent) {
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

	/** A member who is no longer active cannot sign in, and their open sessions end now. */
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

	private long count(String column, String value, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM activation_attempt WHERE " + column + " = :value AND attempted_at > :since")
			.param("value", value)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Recorded in its own transaction, so the refusal that follows does not roll it back. */
	private void recordAttempt(String card, String address) {
		separately.executeWithoutResult(status -> jdbc
			.sql("INSERT INTO activation_attempt (card_number, address, attempted_at) VALUES (:card, :address, :at)")
			.param("card", card)
			.param("address", address.length() > 64 ? address.substring(0, 64) : address)
			.param("at", Timestamp.from(clock.instant()))
			.update());
	}

	private static void checkNewPassword(String field, String card, String password, String confirm) {
		PasswordPolicy.check(field, card, password);
		if (!password.equals(confirm)) {
			throw new RuleViolationException("confirmPassword", "account.error.passwordMismatch");
		}
	}
}
