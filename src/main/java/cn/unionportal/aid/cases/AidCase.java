package cn.unionportal.aid.cases;

import java.math.BigDecimal;
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
 * One aid case: what a member (or household) receives, why, how the amount was computed, who
 * recorded it and who decided, and how much has been paid. Attached to a household file or
 * standing alone (sudden aid for any member).
 */
@Entity
@Table(name = "aid_case")
public class AidCase {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30, updatable = false)
	private AidKind kind;

	@Column(name = "member_id", nullable = false, updatable = false)
	private long memberId;

	@Column(name = "file_id", updatable = false)
	private Long fileId;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private long organizationId;

	@Column(name = "aid_year", nullable = false, updatable = false)
	private int year;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private CaseStatus status;

	@Column(length = 4000)
	private String details;

	@Column(name = "student_name", length = 50)
	private String studentName;

	@Column(length = 100)
	private String school;

	@Column(length = 30)
	private String grade;

	@Enumerated(EnumType.STRING)
	@Column(name = "school_level", length = 20)
	private SchoolLevel schoolLevel;

	@Column(name = "bill_amount", precision = 12, scale = 2)
	private BigDecimal billAmount;

	@Column(name = "insurance_amount", precision = 12, scale = 2)
	private BigDecimal insuranceAmount;

	@Column(name = "other_aid_amount", precision = 12, scale = 2)
	private BigDecimal otherAidAmount;

	@Column(name = "case_summary", length = 2000)
	private String caseSummary;

	@Column(name = "case_outcome", length = 2000)
	private String caseOutcome;

	@Column(name = "obtained_amount", precision = 12, scale = 2)
	private BigDecimal obtainedAmount;

	@Column(name = "computed_amount", nullable = false, precision = 12, scale = 2)
	private BigDecimal computedAmount;

	@Column(name = "rule_text", length = 500)
	private String ruleText;

	@Column(name = "requested_amount", nullable = false, precision = 12, scale = 2)
	private BigDecimal requestedAmount;

	@Column(name = "override_reason", length = 500)
	private String overrideReason;

	@Enumerated(EnumType.STRING)
	@Column(name = "approval_level", nullable = false, length = 20)
	private ApprovalLevel approvalLevel;

	@Column(name = "recorded_by", nullable = false, length = 50, updatable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "decided_by", length = 50)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_comment", length = 1000)
	private String decisionComment;

	@Column(name = "approved_amount", precision = 12, scale = 2)
	private BigDecimal approvedAmount;

	@Column(name = "paid_amount", nullable = false, precision = 12, scale = 2)
	private BigDecimal paidAmount;

	@Column(name = "lookup_code", length = 12)
	private String lookupCode;

	@Version
	private long version;

	protected AidCase() {
	}

	AidCase(AidCaseData data, long organizationId, int year, AidAmount computed, BigDecimal requested,
			String overrideReason, ApprovalLevel level, String recordedBy, Instant now) {
		this.kind = data.kind();
		this.memberId = data.memberId();
		this.fileId = data.fileId();
		this.organizationId = organizationId;
		this.year = year;
		this.status = CaseStatus.RECORDED;
		this.details = data.details();
		this.studentName = data.studentName();
		this.school = data.school();
		this.grade = data.grade();
		this.schoolLevel = data.schoolLevel();
		this.billAmount = data.billAmount();
		this.insuranceAmount = data.insuranceAmount();
		this.otherAidAmount = data.otherAidAmount();
		this.caseSummary = data.caseSummary();
		this.caseOutcome = data.caseOutcome();
		this.obtainedAmount = data.obtainedAmount();
		this.computedAmount = computed.amount();
		this.ruleText = computed.formula().length() <= 500 ? computed.formula() : computed.formula().substring(0, 500);
		this.requestedAmount = requested;
		this.overrideReason = overrideReason;
		this.approvalLevel = level;
		this.recordedBy = recordedBy;
		this.recordedAt = now;
		this.paidAmount = BigDecimal.ZERO.setScale(2);
	}

	void approve(String by, String comment, Instant now, String code) {
		requireRecorded();
		this.status = CaseStatus.APPROVED;
		this.decidedBy = by;
		this.decidedAt = now;
		this.decisionComment = comment;
		this.approvedAmount = requestedAmount;
		this.lookupCode = fileId == null ? code : null;
	}

	void reject(String by, String comment, Instant now) {
		requireRecorded();
		this.status = CaseStatus.REJECTED;
		this.decidedBy = by;
		this.decidedAt = now;
		this.decisionComment = comment;
	}

	/** What may still be paid: approved minus paid (zero unless approved). */
	BigDecimal payable() {
		return status == CaseStatus.APPROVED ? approvedAmount.subtract(paidAmount) : BigDecimal.ZERO;
	}

	void pay(BigDecimal amount) {
		if (status != CaseStatus.APPROVED || amount.signum() <= 0 || amount.compareTo(payable()) > 0) {
			throw new IllegalStateException("case " + id + " cannot take " + amount);
		}
		paidAmount = paidAmount.add(amount);
		if (paidAmount.compareTo(approvedAmount) == 0) {
			status = CaseStatus.PAID;
		}
	}

	private void requireRecorded() {
		if (status != CaseStatus.RECORDED) {
			throw new IllegalStateException("case " + id + " is " + status);
		}
	}

	Long getId() {
		return id;
	}

	AidKind getKind() {
		return kind;
	}

	long getMemberId() {
		return memberId;
	}

	Long getFileId() {
		return fileId;
	}

	long getOrganizationId() {
		return organizationId;
	}

	int getYear() {
		return year;
	}

	CaseStatus getStatus() {
		return status;
	}

	String getDetails() {
		return details;
	}

	String getStudentName() {
		return studentName;
	}

	String getSchool() {
		return school;
	}

	String getGrade() {
		return grade;
	}

	SchoolLevel getSchoolLevel() {
		return schoolLevel;
	}

	BigDecimal getBillAmount() {
		return billAmount;
	}

	BigDecimal getInsuranceAmount() {
		return insuranceAmount;
	}

	BigDecimal getOtherAidAmount() {
		return otherAidAmount;
	}

	String getCaseSummary() {
		return caseSummary;
	}

	String getCaseOutcome() {
		return caseOutcome;
	}

	BigDecimal getObtainedAmount() {
		return obtainedAmount;
	}

	BigDecimal getComputedAmount() {
		return computedAmount;
	}

	String getRuleText() {
		return ruleText;
	}

	BigDecimal getRequestedAmount() {
		return requestedAmount;
	}

	String getOverrideReason() {
		return overrideReason;
	}

	ApprovalLevel getApprovalLevel() {
		return approvalLevel;
	}

	String getRecordedBy() {
		return recordedBy;
	}

	Instant getRecordedAt() {
		return recordedAt;
	}

	String getDecidedBy() {
		return decidedBy;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

	String getDecisionComment() {
		return decisionComment;
	}

	BigDecimal getApprovedAmount() {
		return approvedAmount;
	}

	BigDecimal getPaidAmount() {
		return paidAmount;
	}

	String getLookupCode() {
		return lookupCode;
	}

	long getVersion() {
		return version;
	}
}
