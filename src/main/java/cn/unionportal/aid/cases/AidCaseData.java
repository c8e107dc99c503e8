package cn.unionportal.aid.cases;

import java.math.BigDecimal;

/**
 * What staff enter for a new case. Only the fields of the case's kind are kept: student, school,
 * grade and school level for education grants; bill, insurance reimbursement and other aid for
 * medical aid; case summary, outcome and the amount obtained for the worker for legal aid.
 *
 * @param fileId the household file the case belongs to, or {@code null} for a standalone case
 * @param requestedAmount the amount asked for; empty means the computed amount
 * @param overrideReason required when the requested amount differs from the computed one
 */
public record AidCaseData(AidKind kind, long memberId, Long fileId, String details, String studentName, String school,
		String grade, SchoolLevel schoolLevel, BigDecimal billAmount, BigDecimal insuranceAmount,
		BigDecimal otherAidAmount, String caseSummary, String caseOutcome, BigDecimal obtainedAmount,
		BigDecimal requestedAmount, String overrideReason) {

	/** The same data with blanks as {@code null}, text trimmed, and only the fields of the kind. */
	AidCaseData normalized() {
		boolean education = kind == AidKind.EDUCATION_GRANT;
		boolean medical = kind == AidKind.MEDICAL_AID;
		boolean legal = kind == AidKind.LEGAL_AID;
		return new AidCaseData(kind, memberId, fileId, text(details), education ? text(studentName) : null,
				education ? text(school) : null, education ? text(grade) : null, education ? schoolLevel : null,
				medical ? billAmount : null, medical ? zeroIfNull(insuranceAmount) : null,
				medical ? zeroIfNull(otherAidAmount) : null, legal ? text(caseSummary) : null,
				legal ? text(caseOutcome) : null, legal ? obtainedAmount : null, requestedAmount, text(overrideReason));
	}

	private static BigDecimal zeroIfNull(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
