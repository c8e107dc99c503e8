package cn.unionportal.aid;

/**
 * Events of the aid module.
 */
public final class AidEvents {

	private AidEvents() {
	}

	/** A new aid case was recorded for a member (the relapse watch listens). */
	public record AidCaseRecorded(long caseId, long memberId) {
	}

	/** A case was approved. */
	public record AidCaseApproved(long caseId, long memberId, java.math.BigDecimal amount) {
	}

	/** Money was paid on a case. */
	public record AidPaymentRecorded(long caseId, long memberId, java.math.BigDecimal amount) {
	}
}
