package cn.unionportal.benefits;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Something a member is entitled to for a period (a free health check, recuperation leave). */
@Entity
@Table(name = "member_entitlement")
class MemberEntitlement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "member_id", nullable = false)
	private long memberId;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private EntitlementKind kind;

	@Column(length = 200)
	private String description;

	@Column(name = "valid_from", nullable = false)
	private LocalDate validFrom;

	@Column(name = "valid_until")
	private LocalDate validUntil;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private EntitlementStatus status;

	@Column(name = "granted_by", nullable = false, length = 50)
	private String grantedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private EntitlementSource source;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected MemberEntitlement() {
	}

	MemberEntitlement(long memberId, long organizationId, EntitlementKind kind, String description,
			LocalDate validFrom, LocalDate validUntil, String grantedBy, EntitlementSource source, Instant now) {
		this.memberId = memberId;
		this.organizationId = organizationId;
		this.kind = kind;
		this.description = description;
		this.validFrom = validFrom;
		this.validUntil = validUntil;
		this.status = EntitlementStatus.GRANTED;
		this.grantedBy = grantedBy;
		this.source = source;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void changeStatus(EntitlementStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	void moveToOrganization(long organizationId, Instant now) {
		this.organizationId = organizationId;
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	long getMemberId() {
		return memberId;
	}

	long getOrganizationId() {
		return organizationId;
	}

	EntitlementKind getKind() {
		return kind;
	}

	LocalDate getValidFrom() {
		return validFrom;
	}

	LocalDate getValidUntil() {
		return validUntil;
	}

	EntitlementStatus getStatus() {
		return status;
	}

	EntitlementSource getSource() {
		return source;
	}

	long getVersion() {
		return version;
	}
}
