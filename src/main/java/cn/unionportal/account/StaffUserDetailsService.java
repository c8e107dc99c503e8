package cn.unionportal.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.unionportal.shared.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for form login: staff accounts first, then the other {@link LoginSource}s
 * (members' self-service accounts).
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccountRepository accounts;

	private final Clock clock;

	private final List<LoginSource> otherSources;

	StaffUserDetailsService(StaffAccountRepository accounts, Clock clock, List<LoginSource> otherSources) {
		this.accounts = accounts;
		this.clock = clock;
		this.otherSources = otherSources;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String name = username == null ? "" : username.strip();
		Optional<StaffAccount> staff = accounts.findByUsername(name);
		if (staff.isPresent()) {
			return principal(staff.get(), clock);
		}
		for (LoginSource source : otherSources) {
			Optional<UserDetails> other = source.load(name);
			if (other.isPresent()) {
				return other.get();
			}
		}
		throw new UsernameNotFoundException("no such account");
	}

	static StaffPrincipal principal(StaffAccount account, Clock clock) {
		CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getOrganizationId(),
				account.getRoles());
		return new StaffPrincipal(user, account.getDisplayName(), account.getPasswordHash(), account.isEnabled(),
				account.isLockedAt(clock.instant()), account.isMustChangePassword());
	}
}
