package cn.unionportal.shared.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What every signed-in account held in a session has, staff ({@code account.StaffPrincipal}) and
 * members ({@code selfservice.MemberPrincipal}) alike: the password hash (erased after sign-in),
 * the enabled and locked flags, the name shown in the navigation bar and the account's security
 * stamp at sign-in.
 */
public abstract class SignedInAccount implements UserDetails, CredentialsContainer {

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final long sessionVersion;

	protected SignedInAccount(String displayName, String passwordHash, boolean enabled, boolean locked,
			long sessionVersion) {
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.sessionVersion = sessionVersion;
	}

	/** Shown in the navigation bar (the same property for staff and members). */
	public String getDisplayName() {
		return displayName;
	}

	/** The account's security stamp when this session signed in. */
	public long sessionVersion() {
		return sessionVersion;
	}

	@Override
	public String getPassword() {
		return passwordHash;
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
}
