package cn.unionportal.aid.files;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** Read models of hardship files for the pages. */
@NamedInterface("files")
public final class FileViews {

	private FileViews() {
	}

	/** A line of the file list. */
	public record FileSummary(long id, long memberId, String memberName, String memberIdMasked, long organizationId,
			String organizationName, FileStatus status, HardshipTier tier, LocalDateTime appliedAt,
			LocalDate nextReviewOn, boolean relapseFlagged, boolean reviewOverdue) {
	}

	/** The file's detail page. Health and income of relatives are masked unless revealed. */
	public record FileView(long id, long memberId, String memberName, String memberIdMasked, long organizationId,
			String organizationName, FileStatus status, HardshipTier tier, Set<HardshipCause> causes,
			String situation, int householdSize, String monthlyIncome, String perCapitaIncome,
			BigDecimal thresholdAmount, Integer thresholdYear, boolean belowThreshold, String appliedBy,
			LocalDateTime appliedAt, LocalDate visitDate, String visitors, String visitNotes, LocalDate noticeStart,
			LocalDate noticeEnd, LocalDate filedOn, LocalDate nextReviewOn, String rejectionReason,
			LocalDate closedOn, String closeReason, LocalDate supportUntil, LocalDateTime relapseFlaggedAt,
			String relapseReason, String lookupCode, List<RelativeView> household, boolean revealed, long version) {

		public boolean isReviewOverdue(LocalDate today) {
			return status == FileStatus.FILED && nextReviewOn != null && nextReviewOn.isBefore(today);
		}
	}

	/** A relative as shown (health and income masked unless revealed). */
	public record RelativeView(String name, String relation, int age, String health, String schooling,
			String income) {
	}

	/** One entry of the timeline. */
	public record TimelineEntry(String step, String outcome, String comment, String actor, LocalDateTime at) {
	}

	/** An objection during the public notice. */
	public record ObjectionView(long id, String content, String raisedBy, LocalDateTime raisedAt, String resolution,
			Boolean upheld, String resolvedBy, LocalDateTime resolvedAt, long version) {

		public boolean isResolved() {
			return resolvedAt != null;
		}
	}

	/** Filters of the file list. */
	public record FileQuery(FileStatus status, HardshipTier tier, Long organizationId, Long memberId,
			boolean watchOnly, boolean priorityOnly) {
	}

	/** A household's own file, as the member sees it in self-service (nothing about others). */
	public record OwnFile(long id, FileStatus status, HardshipTier tier, LocalDate appliedOn, LocalDate noticeEnd,
			LocalDate filedOn, LocalDate nextReviewOn, String rejectionReason, LocalDate closedOn,
			LocalDate supportUntil, String lookupCode) {
	}

}
