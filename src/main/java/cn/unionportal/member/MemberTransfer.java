package cn.unionportal.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's move from one organization to another. Within the sender's scope it completes at
 * once; otherwise it waits for the receiving side to accept or decline.
 */
@Entity
@Table(name = "member_transfer")
class MemberTransfer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "member_id", nullable = false, updatable = false)
	private long memberId;

	@Column(name = "from_organization_id", nullable = false, updatable = false)
	private long fromOrganizationId;

	@Column(name = "to_organization_id", nullable = false, updatable = false)
	private long toOrganizationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private TransferStatus status;

	@Column(length = 200)
	private String reason;

	@Column(name = "requested_by", nullable = false, length = 50)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false)
	private Instant requestedAt;

	@Column(name = "decided_by", length = 50)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_note", length = 200)
	private String decisionNote;

	@Column(name = "pending_member_id")
	private Long pendingMemberId;

	@Version
	private long version;

	protected MemberTransfer() {
	}

	MemberTransfer(long memberId, long from, long to, String reason, String requestedBy, Instant now) {
		this.memberId = memberId;
		this.fromOrganizationId = from;
		this.toOrganizationId = to;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.requestedAt = now;
		this.status = TransferStatus.PENDING;
		this.pendingMemberId = memberId;
	}

	void decide(TransferStatus outcome, String by, String note, Instant now) {
		if (status != TransferStatus.PENDING || outcome == TransferStatus.PENDING) {
			throw new IllegalStateException("transfer " + id + " is " + status);
		}
		this.status = outcome;
		this.decidedBy = by;
		this.decisionNote = note;
		this.decidedAt = now;
		this.pendingMemberId = null;
	}

	TransferView toView(String memberName, String memberIdMasked, String fromName, String toName,
			java.time.ZoneId zone) {
		return new TransferView(id, memberId, memberName, memberIdMasked, fromOrganizationId, fromName,
				toOrganizationId, toName, status, reason, requestedBy,
				java.time.LocalDateTime.ofInstant(requestedAt, zone), decidedBy,
				decidedAt == null ? null : java.time.LocalDateTime.ofInstant(decidedAt, zone), decisionNote, version);
	}

	Long getId() {
		return id;
	}

	long getMemberId() {
		return memberId;
	}

	long getFromOrganizationId() {
		return fromOrganizationId;
	}

	long getToOrganizationId() {
		return toOrganizationId;
	}

	TransferStatus getStatus() {
		return status;
	}

	long getVersion() {
		return version;
	}
}
