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

	/** The account that created this one ({@code null}: created at start-up or before it was recorded). */
	@Column(name = "created_by", updatable = false)
	private Long createdBy;

	/** The account that last granted this one an administrator role. */
	@Column(name = "elevated_by")
	private Long elevatedBy;

	/** The administrator who last set a temporary password (and so could sign in before the holder). */
	@Column(name = "password_reset_by")
	private Long passwordResetBy;

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

	/** Records who created the account (with the roles it was created with: an elevation too). */
	void createdBy(Long accountId) {
		this.createdBy = accountId;
		if (isAdministrator(roles)) {
			this.elevatedBy = accountId;
		}
	}

	/** Remembers who granted an administrator role the account did not have before. */
	void grantedBy(Long accountId, Set<StaffRole> newRoles) {
		for (StaffRole role : newRoles) {
			if (role != StaffRole.STAFF && !roles.contains(role)) {
				this.elevatedBy = accountId;
			}
		}
	}

	void passwordResetBy(Long accountId) {
		this.passwordResetBy = accountId;
	}

	static boolean isAdministrator(Set<StaffRole> roles) {
		return roles.contains(StaffRole.ORG_ADMIN) || roles.contains(StaffRole.FEDERATION_ADMIN);
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

	Long getCreatedBy() {
		return createdBy;
	}

	Long getElevatedBy() {
		return elevatedBy;
	}

	long getSessionVersion() {
		return sessionVersion;
	}

	long getVersion() {
		return version;
	}
}
