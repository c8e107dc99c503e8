package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A household's hardship file (一户一档). Income, the situation and the visit notes are held
 * encrypted (the management service seals and opens them); the tier, the household size and
 * whether the income was below the threshold stay clear for lists and statistics. The lifecycle methods refuse transitions that the
 * current status does not allow ({@link IllegalFileTransition}); the management service turns
 * that into a message.
 */
@Entity
@Table(name = "hardship_file")
public class HardshipFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "member_id", nullable = false, updatable = false)
	private long memberId;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private FileStatus status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private HardshipTier tier;

	@Column(nullable = false, length = 200)
	private String causes;

	/** The free-text situation, encrypted ({@code PersonalDataCipher}). */
	@Column(name = "situation_cipher", length = 8200)
	private String situationCipher;

	@Column(name = "household_size", nullable = false)
	private int householdSize;

	/** The household's monthly income in yuan, encrypted. */
	@Column(name = "monthly_income_cipher", length = 200)
	private String monthlyIncomeCipher;

	/** The per-capita monthly income in yuan, encrypted. */
	@Column(name = "per_capita_income_cipher", length = 200)
	private String perCapitaIncomeCipher;

	/** Whether the per-capita income was below the threshold when recorded ({@code null}: no threshold). */
	@Column(name = "below_threshold")
	private Boolean belowThreshold;

	@Column(name = "threshold_amount", precision = 10, scale = 2)
	private BigDecimal thresholdAmount;

	@Column(name = "threshold_year")
	private Integer thresholdYear;

	@Column(name = "applied_by", nullable = false, length = 50, updatable = false)
	private String appliedBy;

	@Column(name = "applied_at", nullable = false, updatable = false)
	private Instant appliedAt;

	@Column(name = "visit_date")
	private LocalDate visitDate;

	@Column(length = 200)
	private String visitors;

	/** The home-visit notes, encrypted. */
	@Column(name = "visit_notes_cipher", length = 8200)
	private String visitNotesCipher;

	@Column(name = "notice_start")
	private LocalDate noticeStart;

	@Column(name = "notice_end")
	private LocalDate noticeEnd;

	@Column(name = "filed_on")
	private LocalDate filedOn;

	@Column(name = "next_review_on")
	private LocalDate nextReviewOn;

	@Column(name = "rejection_reason", length = 500)
	private String rejectionReason;

	@Column(name = "closed_on")
	private LocalDate closedOn;

	@Column(name = "close_reason", length = 500)
	private String closeReason;

	@Column(name = "support_until")
	private LocalDate supportUntil;

	@Column(name = "relapse_flagged_at")
	private Instant relapseFlaggedAt;

	@Column(name = "relapse_reason", length = 200)
	private String relapseReason;

	@Column(name = "lookup_code", length = 12)
	private String lookupCode;

	@Column(name = "open_member_id")
	private Long openMemberId;

	@OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("seq")
	private List<HouseholdMember> household = new ArrayList<>();

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected HardshipFile() {
	}

	HardshipFile(long memberId, long organizationId, HardshipTier tier, Set<HardshipCause> causes,
			String situationCipher, Income.Sealed income, String appliedBy, Instant now) {
		this.memberId = memberId;
		this.organizationId = organizationId;
		this.tier = tier;
		this.causes = causes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.situationCipher = situationCipher;
		this.appliedBy = appliedBy;
		this.appliedAt = now;
		this.createdAt = now;
		setIncome(income);
		moveTo(FileStatus.APPLIED, now);
	}

	void addHouseholdMember(HouseholdMember member) {
		household.add(member);
	}

	// ---- lifecycle -----------------------------------------------------------------------

	void approveAtGrassroots(Instant now) {
		require(FileStatus.APPLIED);
		moveTo(FileStatus.HOME_VISIT, now);
	}

	void recordVisit(LocalDate date, String visitors, String notesCipher, Instant now) {
		require(FileStatus.HOME_VISIT);
		this.visitDate = date;
		this.visitors = visitors;
		this.visitNotesCipher = notesCipher;
		moveTo(FileStatus.FEDERATION_REVIEW, now);
	}

	void approveAtFederation(LocalDate noticeStart, LocalDate noticeEnd, Instant now) {
		require(FileStatus.FEDERATION_REVIEW);
		this.noticeStart = noticeStart;
		this.noticeEnd = noticeEnd;
		moveTo(FileStatus.PUBLIC_NOTICE, now);
	}

	void reject(String reason, Instant now) {
		if (!status.isUnderReview()) {
			throw new IllegalFileTransition(status, FileStatus.REJECTED);
		}
		this.rejectionReason = reason;
		moveTo(FileStatus.REJECTED, now);
	}

	void file(LocalDate on, LocalDate nextReview, String lookupCode, Instant now) {
		require(FileStatus.PUBLIC_NOTICE);
		this.filedOn = on;
		this.nextReviewOn = nextReview;
		this.lookupCode = lookupCode;
		moveTo(FileStatus.FILED, now);
	}

	void reviewed(LocalDate nextReview, HardshipTier tier, Instant now) {
		require(FileStatus.FILED);
		this.nextReviewOn = nextReview;
		this.tier = tier;
		this.updatedAt = now;
	}

	void close(LocalDate on, String reason, LocalDate supportUntil, Instant now) {
		require(FileStatus.FILED);
		this.closedOn = on;
		this.closeReason = reason;
		this.supportUntil = supportUntil;
		moveTo(FileStatus.CLOSED, now);
	}

	void updateIncome(Income.Sealed income, Instant now) {
		if (status.isEnded() && status != FileStatus.CLOSED) {
			throw new IllegalFileTransition(status, status);
		}
		setIncome(income);
		this.updatedAt = now;
	}

	void flagRelapse(String reason, Instant now) {
		this.relapseFlaggedAt = now;
		this.relapseReason = reason;
		this.updatedAt = now;
	}

	void clearRelapseFlag(Instant now) {
		this.relapseFlaggedAt = null;
		this.relapseReason = null;
		this.updatedAt = now;
	}

	void moveToOrganization(long organizationId, Instant now) {
		this.organizationId = organizationId;
		this.updatedAt = now;
	}

	private void require(FileStatus expected) {
		if (status != expected) {
			throw new IllegalFileTransition(status, expected);
		}
	}

	private void moveTo(FileStatus next, Instant now) {
		this.status = next;
		this.openMemberId = next.isEnded() ? null : memberId;
		this.updatedAt = now;
	}

	private void setIncome(Income.Sealed income) {
		this.householdSize = income.householdSize();
		this.monthlyIncomeCipher = income.monthlyTotalCipher();
		this.perCapitaIncomeCipher = income.perCapitaCipher();
		this.thresholdAmount = income.threshold();
		this.thresholdYear = income.thresholdYear();
		this.belowThreshold = income.belowThreshold();
	}

	/** Whether the household exited within the given number of years before {@code today}. */
	boolean exitedWithin(int years, LocalDate today) {
		return status == FileStatus.CLOSED && closedOn != null && !closedOn.isBefore(today.minusYears(years));
	}

	// ---- reading ---------------------------------------------------------------------------

	Long getId() {
		return id;
	}

	long getMemberId() {
		return memberId;
	}

	long getOrganizationId() {
		return organizationId;
	}

	FileStatus getStatus() {
		return status;
	}

	HardshipTier getTier() {
		return tier;
	}

	Set<HardshipCause> getCauses() {
		Set<HardshipCause> set = EnumSet.noneOf(HardshipCause.class);
		Arrays.stream(causes.split(",")).filter(c -> !c.isBlank()).forEach(c -> set.add(HardshipCause.valueOf(c)));
		return set;
	}

	String getSituationCipher() {
		return situationCipher;
	}

	int getHouseholdSize() {
		return householdSize;
	}

	String getMonthlyIncomeCipher() {
		return monthlyIncomeCipher;
	}

	String getPerCapitaIncomeCipher() {
		return perCapitaIncomeCipher;
	}

	Boolean getBelowThreshold() {
		return belowThreshold;
	}

	BigDecimal getThresholdAmount() {
		return thresholdAmount;
	}

	Integer getThresholdYear() {
		return thresholdYear;
	}

	String getAppliedBy() {
		return appliedBy;
	}

	Instant getAppliedAt() {
		return appliedAt;
	}

	LocalDate getVisitDate() {
		return visitDate;
	}

	String getVisitors() {
		return visitors;
	}

	String getVisitNotesCipher() {
		return visitNotesCipher;
	}

	LocalDate getNoticeStart() {
		return noticeStart;
	}

	LocalDate getNoticeEnd() {
		return noticeEnd;
	}

	LocalDate getFiledOn() {
		return filedOn;
	}

	LocalDate getNextReviewOn() {
		return nextReviewOn;
	}

	String getRejectionReason() {
		return rejectionReason;
	}

	LocalDate getClosedOn() {
		return closedOn;
	}

	String getCloseReason() {
		return closeReason;
	}

	LocalDate getSupportUntil() {
		return supportUntil;
	}

	Instant getRelapseFlaggedAt() {
		return relapseFlaggedAt;
	}

	String getRelapseReason() {
		return relapseReason;
	}

	String getLookupCode() {
		return lookupCode;
	}

	List<HouseholdMember> getHousehold() {
		return household;
	}

	long getVersion() {
		return version;
	}
}
