package cn.unionportal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.unionportal.account.LoginSource;
import cn.unionportal.member.MemberManagement;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members sign in with their membership card number or their mobile number on record.
 */
@Component
class MemberLoginSource implements LoginSource {

	private final MemberManagement members;

	private final MemberAccountRepository accounts;

	private final Clock clock;

	MemberLoginSource(MemberManagement members, MemberAccountRepository accounts, Clock clock) {
		this.members = members;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public Optional<UserDetails> load(String loginName) {
		return memberId(loginName).flatMap(memberId -> accounts.findByMemberId(memberId)
			.map(account -> new MemberPrincipal(memberId, loginName, members.selfView(memberId).name(),
					account.getPasswordHash(), account.isEnabled(), account.isLockedAt(clock.instant()))));
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String loginName, Instant now, int maxFailures, Instant lockUntil) {
		memberId(loginName).ifPresent(memberId -> accounts.recordFailure(memberId, now, maxFailures, lockUntil));
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String loginName) {
		memberId(loginName).ifPresent(accounts::recordSuccess);
	}

	private Optional<Long> memberId(String loginName) {
		if (loginName == null || loginName.isBlank()) {
			return Optional.empty();
		}
		String name = loginName.strip();
		if (name.toUpperCase(java.util.Locale.ROOT).startsWith("WH")) {
			return members.findIdByCardNumber(name);
		}
		return members.findActiveIdByPhone(name);
	}
}
