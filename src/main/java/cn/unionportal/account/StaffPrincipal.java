package cn.unionportal.account;

import java.util.Collection;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.PortalPrincipal;
import cn.unionportal.shared.security.SignedInAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated staff member held in the session.
 */
final class StaffPrincipal extends SignedInAccount implements PortalPrincipal {

	private final CurrentUser user;

	private final boolean mustChangePassword;

	StaffPrincipal(CurrentUser user, String displayName, String passwordHash, boolean enabled, boolean locked,
			boolean mustChangePassword, long sessionVersion) {
		super(displayName, passwordHash, enabled, locked, sessionVersion);
		this.user = user;
		this.mustChangePassword = mustChangePassword;
	}

	/** After the user's own password change (which ended their other sessions). */
	StaffPrincipal withPasswordChanged(long newSessionVersion) {
		return new StaffPrincipal(user, getDisplayName(), null, isEnabled(), !isAccountNonLocked(), false,
				newSessionVersion);
	}

	@Override
	public CurrentUser currentUser() {
		return user;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getUsername() {
		return user.username();
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
