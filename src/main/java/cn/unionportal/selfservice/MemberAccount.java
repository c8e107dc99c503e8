package cn.unionportal.selfservice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member's self-service account. */
@Entity
@Table(name = "member_account")
class MemberAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "member_id", nullable = false, updatable = false)
	private long memberId;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "activated_at", nullable = false, updatable = false)
	private Instant activatedAt;

	/** Bumped when the member's rights change (password, status): older sessions end. */
	@Column(name = "session_version", nullable = false)
	private long sessionVersion;

	@Version
	private long version;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected MemberAccount() {
	}

	MemberAccount(long memberId, String passwordHash, Instant now) {
		this.memberId = memberId;
		this.passwordHash = passwordHash;
		this.activatedAt = now;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.sessionVersion++;
		this.updatedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	Long getId() {
		return id;
	}

	long getSessionVersion() {
		return sessionVersion;
	}

	long getMemberId() {
		return memberId;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	boolean isEnabled() {
		return enabled;
	}

	Instant getActivatedAt() {
		return activatedAt;
	}
}
