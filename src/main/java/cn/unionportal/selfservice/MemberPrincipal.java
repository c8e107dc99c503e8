package cn.unionportal.selfservice;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member. Carries only ROLE_MEMBER and the member's own id: nothing that lets it
 * reach staff pages or another member's data.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer {

	private final long memberId;

	private final String loginName;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final long accountId;

	private final long sessionVersion;

	MemberPrincipal(long memberId, String loginName, String displayName, String passwordHash, boolean enabled,
			boolean locked, long accountId, long sessionVersion) {
		this.accountId = accountId;
		this.sessionVersion = sessionVersion;
		this.memberId = memberId;
		this.loginName = loginName;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	public long memberId() {
		return memberId;
	}

	/** The self-service account this session signed in to (a reset account gets a new one). */
	long accountId() {
		return accountId;
	}

	/** The account's security stamp when this session signed in. */
	long sessionVersion() {
		return sessionVersion;
	}

	/** The same member after their own password change, which moved the stamp on. */
	public MemberPrincipal withSessionVersion(long newSessionVersion) {
		return new MemberPrincipal(memberId, loginName, displayName, null, enabled, locked, accountId,
				newSessionVersion);
	}

	/** Shown in the navigation bar (same property name as for staff). */
	public String getDisplayName() {
		return displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return loginName;
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
		return other instanceof MemberPrincipal that && that.memberId == memberId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(memberId);
	}

	@Override
	public String toString() {
		return "MemberPrincipal[" + memberId + "]";
	}
}
