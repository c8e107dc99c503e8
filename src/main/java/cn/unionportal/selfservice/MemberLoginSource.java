package cn.unionportal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import cn.unionportal.account.LoginSource;
import cn.unionportal.member.CardNumbers;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Members sign in with their membership card number or their mobile number on record, and only
 * while their membership is active: a member who left, died or lapsed is refused (as a disabled
 * account) even with the right password. Failures count on the member's account, whichever of
 * the two names (in whatever spelling) was typed.
 */
@Component
class MemberLoginSource implements LoginSource {

	private final MemberManagement members;

	private final MemberAccountRepository accounts;

	private final Clock clock;

	private final JdbcClient jdbc;

	MemberLoginSource(MemberManagement members, MemberAccountRepository accounts, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.members = members;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public Optional<UserDetails> load(String loginName) {
		String name = canonical(loginName);
		if (name.isEmpty()) {
			return Optional.empty();
		}
		Optional<Long> memberId = isCard(name) ? members.findIdByCardNumber(name) : members.findActiveIdByPhone(name);
		return memberId.flatMap(id -> accounts.findByMemberId(id).map(account -> {
			MemberView member = members.selfView(id);
			boolean active = member.status() == MemberStatus.ACTIVE;
			return new MemberPrincipal(id, name, member.name(), account.getPasswordHash(), account.isEnabled() && active,
					account.isLockedAt(clock.instant()), account.getId(), account.getSessionVersion());
		}));
	}

	@Override
	public void failed(UserDetails principal, Instant now, int maxFailures, Instant lockUntil) {
		if (principal instanceof MemberPrincipal member) {
			accounts.recordFailure(member.memberId(), now, maxFailures, lockUntil);
		}
	}

	@Override
	public void succeeded(UserDetails principal) {
		if (principal instanceof MemberPrincipal member) {
			accounts.recordSuccess(member.memberId());
		}
	}

	@Override
	public Optional<Boolean> isCurrent(Object principal) {
		if (principal instanceof MemberPrincipal member) {
			// a plain JDBC read on every request of a member's session (issue 13: through JPA it cost a Hibernate session)
			return Optional.of(jdbc.sql("SELECT session_version FROM member_account WHERE id = ?")
				.param(member.accountId())
				.query(Long.class)
				.optional()
				.map(version -> version == member.sessionVersion())
				.orElse(false));
		}
		return Optional.empty();
	}

	/** Card numbers as {@link CardNumbers#normalize}; mobile numbers without separators. */
	private static String canonical(String loginName) {
		if (loginName == null) {
			return "";
		}
		String name = loginName.strip();
		return isCard(name) ? CardNumbers.normalize(name) : name.replaceAll("[\\s\\-\\uFF0D]", "");
	}

	private static boolean isCard(String name) {
		return name.toUpperCase(Locale.ROOT).startsWith(CardNumbers.PREFIX);
	}
}
