package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidKind;

/**
 * Events of the aid module. Those about approvals, payments and household files carry what the
 * coming statistics module needs (amounts, kind, organization, year, dates), so it can keep its
 * own figures without reading aid's tables; they go through Spring Modulith's publication registry.
 */
public final class AidEvents {

	private AidEvents() {
	}

	/** A new aid case was recorded for a member (the relapse watch listens). */
	public record AidCaseRecorded(long caseId, long memberId) {
	}

	/** A case was approved: the approved amount, of a kind of aid, at an organization, for a year. */
	public record AidCaseApproved(long caseId, long memberId, java.math.BigDecimal amount, AidKind kind,
			long organizationId, int year) {
	}

	/** Money was paid on a case, on a date (the case's kind, organization and year for the figures). */
	public record AidPaymentRecorded(long caseId, long memberId, java.math.BigDecimal amount,
			java.time.LocalDate paidOn, AidKind kind, long organizationId, int year) {
	}

	/** A household file was filed (建档) at an organization on a date. */
	public record HardshipFileFiled(long fileId, long memberId, long organizationId, java.time.LocalDate filedOn) {
	}

	/** A filed household exited hardship (解困脱困): its file closed on a date. */
	public record HardshipFileExited(long fileId, long memberId, long organizationId, java.time.LocalDate exitedOn) {
	}
}
