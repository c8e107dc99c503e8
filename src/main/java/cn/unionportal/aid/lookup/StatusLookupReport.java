package cn.unionportal.aid.lookup;

import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.cases.CaseStatus;
import cn.unionportal.aid.files.FileStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a family sees on the public status page, and nothing more: the masked name of the worker,
 * the code, and either a household file (status, decision dates, rejection reason, its aid cases)
 * or one stand-alone case (kind, status, decision date, approved and paid amounts). No full names,
 * no household members, incomes, visit notes, comments or staff names.
 *
 * @param maskedName the worker's name masked ({@code 王*初})
 * @param displayCode the code as printed ({@code K7M2Q-X9PA3})
 * @param file the household file, or {@code null} for a stand-alone case
 * @param cases the file's aid cases, or the one stand-alone case
 */
public record StatusLookupReport(String maskedName, String displayCode, FileReport file, List<CaseReport> cases) {

	public StatusLookupReport {
		cases = List.copyOf(cases);
	}

	/**
	 * A household file as the family sees it.
	 *
	 * @param status where the file stands
	 * @param appliedOn when the application was recorded
	 * @param steps review decisions of the timeline (step and outcome keys with dates)
	 * @param rejectionReason the written reason, only when rejected
	 */
	public record FileReport(FileStatus status, LocalDate appliedOn, List<Step> steps, LocalDate noticeStart,
			LocalDate noticeEnd, LocalDate filedOn, LocalDate nextReviewOn, String rejectionReason, LocalDate closedOn,
			LocalDate supportUntil) {

		public FileReport {
			steps = List.copyOf(steps);
		}

		/** Message key of "what to do next" ({@code .general} when its date or reason is missing). */
		public String nextStepKey() {
			String key = "aid.status.next.file." + status.name();
			return detail() == null && status.ordinal() >= FileStatus.PUBLIC_NOTICE.ordinal() ? key + ".general" : key;
		}

		/** Arguments of {@link #nextStepKey()}: the date (ISO) or the reason it mentions. */
		public Object[] nextStepArguments() {
			Object detail = detail();
			return detail == null ? new Object[0] : new Object[] { detail };
		}

		private Object detail() {
			return switch (status) {
				case PUBLIC_NOTICE -> iso(noticeEnd);
				case FILED -> iso(nextReviewOn);
				case CLOSED -> iso(supportUntil);
				case REJECTED -> rejectionReason;
				default -> null;
			};
		}
	}

	/**
	 * One decision on the file's timeline.
	 *
	 * @param step the step's code ({@code GRASSROOTS_REVIEW}, …), labelled by {@code aid.status.step.*}
	 * @param outcome the outcome's code ({@code APPROVED}, …), labelled by {@code aid.status.outcome.*}
	 */
	public record Step(LocalDate on, String step, String outcome) {
	}

	/**
	 * An aid case as the family sees it.
	 *
	 * @param rejectionReason the decision's written reason, only when rejected
	 */
	public record CaseReport(AidKind kind, CaseStatus status, LocalDate recordedOn, LocalDate decidedOn,
			BigDecimal approvedAmount, BigDecimal paidAmount, LocalDate lastPaidOn, String rejectionReason) {

		/** Approved and partly paid. */
		public boolean isPartlyPaid() {
			return status == CaseStatus.APPROVED && paidAmount != null && paidAmount.signum() > 0;
		}

		/** Message key of "what to do next". */
		public String nextStepKey() {
			if (isPartlyPaid()) {
				return "aid.status.next.case.PARTLY_PAID";
			}
			if (status == CaseStatus.REJECTED && rejectionReason == null) {
				return "aid.status.next.case.REJECTED.general";
			}
			return "aid.status.next.case." + status.name();
		}

		/** Arguments of {@link #nextStepKey()}: the reason of a rejection. */
		public Object[] nextStepArguments() {
			return status == CaseStatus.REJECTED && rejectionReason != null ? new Object[] { rejectionReason }
					: new Object[0];
		}
	}

	private static String iso(LocalDate date) {
		return date == null ? null : date.toString();
	}
}
