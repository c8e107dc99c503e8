package cn.unionportal.account;

import java.util.Collection;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.PortalPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated staff member held in the session.
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer, PortalPrincipal {

	private final CurrentUser user;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private final long sessionVersion;

	StaffPrincipal(CurrentUser user, String displayName, String passwordHash, boolean enabled, boolean locked,
			boolean mustChangePassword, long sessionVersion) {
		this.user = user;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
		this.sessionVersion = sessionVersion;
	}

	/** After the user's own password change (which ended their other sessions). */
	StaffPrincipal withPasswordChanged(long newSessionVersion) {
		return new StaffPrincipal(user, displayName, null, enabled, locked, false, newSessionVersion);
	}

	/** The account's security stamp when this session signed in. */
	long sessionVersion() {
		return sessionVersion;
	}

	@Override
	public CurrentUser currentUser() {
		return user;
	}

	public String getDisplayName() {
		return displayName;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal that && that.user.accountId() == user.accountId();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(user.accountId());
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + user.username() + "]";
	}

}
