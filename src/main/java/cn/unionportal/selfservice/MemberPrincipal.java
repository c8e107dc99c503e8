package cn.unionportal.selfservice;

import java.util.Collection;
import java.util.List;

import cn.unionportal.shared.security.SignedInAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in member. Carries only ROLE_MEMBER and the member's own id: nothing that lets it
 * reach staff pages or another member's data.
 */
public final class MemberPrincipal extends SignedInAccount {

	private final long memberId;

	private final String loginName;

	private final long accountId;

	MemberPrincipal(long memberId, String loginName, String displayName, String passwordHash, boolean enabled,
			boolean locked, long accountId, long sessionVersion) {
		super(displayName, passwordHash, enabled, locked, sessionVersion);
		this.accountId = accountId;
		this.memberId = memberId;
		this.loginName = loginName;
	}

	public long memberId() {
		return memberId;
	}

	/** The self-service account this session signed in to (a reset account gets a new one). */
	long accountId() {
		return accountId;
	}

	/** The same member after their own password change, which moved the stamp on. */
	public MemberPrincipal withSessionVersion(long newSessionVersion) {
		return new MemberPrincipal(memberId, loginName, getDisplayName(), null, isEnabled(), !isAccountNonLocked(), accountId,
				newSessionVersion);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
	}

	@Override
	public String getUsername() {
		return loginName;
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
