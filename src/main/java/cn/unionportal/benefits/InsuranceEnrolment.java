package cn.unionportal.benefits;

import java.math.BigDecimal;
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

/** A member's enrolment (参保) in a programme; one per member and programme. */
@Entity
@Table(name = "insurance_enrolment")
class InsuranceEnrolment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "programme_id", nullable = false)
	private long programmeId;

	@Column(name = "member_id", nullable = false)
	private long memberId;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(name = "enrolled_on", nullable = false)
	private LocalDate enrolledOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private EnrolmentStatus status;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Column(name = "claims_paid", nullable = false, precision = 12, scale = 2)
	private BigDecimal claimsPaid;

	@Column(name = "enrolled_by", nullable = false, length = 50)
	private String enrolledBy;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected InsuranceEnrolment() {
	}

	InsuranceEnrolment(long programmeId, long memberId, long organizationId, LocalDate enrolledOn, String enrolledBy,
			Instant now) {
		this.programmeId = programmeId;
		this.memberId = memberId;
		this.organizationId = organizationId;
		this.enrolledOn = enrolledOn;
		this.status = EnrolmentStatus.ENROLLED;
		this.claimsPaid = BigDecimal.ZERO.setScale(2);
		this.enrolledBy = enrolledBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Enrols again after a cancellation (the claims paid so far stay on record). */
	void reopen(long organizationId, LocalDate enrolledOn, String enrolledBy, Instant now) {
		this.organizationId = organizationId;
		this.enrolledOn = enrolledOn;
		this.enrolledBy = enrolledBy;
		this.status = EnrolmentStatus.ENROLLED;
		this.cancelledOn = null;
		this.updatedAt = now;
	}

	void cancel(LocalDate on, Instant now) {
		this.status = EnrolmentStatus.CANCELLED;
		this.cancelledOn = on;
		this.updatedAt = now;
	}

	void recordClaimsPaid(BigDecimal amount, Instant now) {
		this.claimsPaid = amount;
		this.updatedAt = now;
	}

	void moveToOrganization(long organizationId, Instant now) {
		this.organizationId = organizationId;
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	long getProgrammeId() {
		return programmeId;
	}

	long getMemberId() {
		return memberId;
	}

	long getOrganizationId() {
		return organizationId;
	}

	EnrolmentStatus getStatus() {
		return status;
	}

	BigDecimal getClaimsPaid() {
		return claimsPaid;
	}

	long getVersion() {
		return version;
	}
}
