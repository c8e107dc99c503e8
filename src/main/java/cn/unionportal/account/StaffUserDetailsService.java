package cn.unionportal.account;

import java.time.Clock;

import cn.unionportal.shared.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads staff accounts for form login.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccountRepository accounts;

	private final Clock clock;

	StaffUserDetailsService(StaffAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = accounts.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		return principal(account, clock);
	}

	static StaffPrincipal principal(StaffAccount account, Clock clock) {
		CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getOrganizationId(),
				account.getRoles());
		return new StaffPrincipal(user, account.getDisplayName(), account.getPasswordHash(), account.isEnabled(),
				account.isLockedAt(clock.instant()), account.isMustChangePassword());
	}
}
