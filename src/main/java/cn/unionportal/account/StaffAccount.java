package cn.unionportal.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import cn.unionportal.shared.security.StaffRole;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A staff member's login. Belongs to one organization (by id) whose subtree is its scope.
 */
@Entity
@Table(name = "staff_account")
class StaffAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 50, updatable = false)
	private String username;

	@Column(name = "display_name", nullable = false, length = 50)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "must_change_password", nullable = false)
	private boolean mustChangePassword;

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@ElementCollection
	@CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role", length = 30)
	private Set<StaffRole> roles = new HashSet<>();

	/** Bumped by every change that takes rights away: open sessions carrying an older value end. */
	@Column(name = "session_version", nullable = false)
	private long sessionVersion;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected StaffAccount() {
	}

	StaffAccount(String username, String displayName, String passwordHash, long organizationId, Set<StaffRole> roles,
			boolean mustChangePassword, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.organizationId = organizationId;
		this.roles = new HashSet<>(roles);
		this.mustChangePassword = mustChangePassword;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String displayName, Set<StaffRole> roles, boolean enabled, Instant now) {
		if (enabled != this.enabled || !getRoles().equals(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles))) {
			this.sessionVersion++;
		}
		this.displayName = displayName;
		this.roles.clear();
		this.roles.addAll(roles);
		this.enabled = enabled;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, boolean mustChangePassword, Instant now) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.sessionVersion++;
		this.updatedAt = now;
	}

	void unlock(Instant now) {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getDisplayName() {
		return displayName;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	long getOrganizationId() {
		return organizationId;
	}

	boolean isEnabled() {
		return enabled;
	}

	boolean isMustChangePassword() {
		return mustChangePassword;
	}

	Instant getLockedUntil() {
		return lockedUntil;
	}

	int getFailedAttempts() {
		return failedAttempts;
	}

	Set<StaffRole> getRoles() {
		return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
	}

	long getSessionVersion() {
		return sessionVersion;
	}

	long getVersion() {
		return version;
	}
}
