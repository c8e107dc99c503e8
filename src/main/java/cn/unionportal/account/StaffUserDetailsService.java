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
 * Loads accounts for sign-in: staff accounts first, then the other {@link LoginSource}s
 * (members' self-service accounts), always by the canonical form of the typed name
 * ({@link LoginNames}).
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

	/** A resolved login name: the principal and the source that counts its failures (null: staff). */
	record Resolved(UserDetails principal, LoginSource source) {
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return resolve(username).map(Resolved::principal)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	@Transactional(readOnly = true)
	public Optional<Resolved> resolve(String typed) {
		String name = LoginNames.strip(typed);
		if (name.isEmpty()) {
			return Optional.empty();
		}
		// the canonical (lower-case) name; names that predate it and collided keep their case
		Optional<StaffAccount> staff = accounts.findByUsername(LoginNames.staff(name))
			.or(() -> accounts.findByUsername(name));
		if (staff.isPresent()) {
			return Optional.of(new Resolved(principal(staff.get(), clock), null));
		}
		for (LoginSource source : otherSources) {
			Optional<UserDetails> other = source.load(name);
			if (other.isPresent()) {
				return Optional.of(new Resolved(other.get(), source));
			}
		}
		return Optional.empty();
	}

	static StaffPrincipal principal(StaffAccount account, Clock clock) {
		CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getOrganizationId(),
				account.getRoles());
		return new StaffPrincipal(user, account.getDisplayName(), account.getPasswordHash(), account.isEnabled(),
				account.isLockedAt(clock.instant()), account.isMustChangePassword(), account.getSessionVersion());
	}
}
