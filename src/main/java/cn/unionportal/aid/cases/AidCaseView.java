package cn.unionportal.aid.cases;

import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidBudgetView;
import cn.unionportal.aid.lookup.LookupCodes;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A case's detail page: what was asked and why, the decision, the payments (as a timeline), and
 * what the current user may do with it.
 *
 * @param lookupCode the code the family uses on the public status page: the case's own code for a
 *        standalone case (issued on approval), the household file's code otherwise; may be {@code null}
 * @param mayDecide whether the current user may approve or reject it now
 * @param decisionBlock why the user may not decide a recorded case (a message key), or {@code null}
 * @param payerBudget the budget of the current user's organization for the case's year, or {@code null}
 */
public record AidCaseView(long id, AidKind kind, CaseStatus status, long memberId, String memberName,
		String memberIdNumberMasked, Long fileId, HardshipTier tier, long organizationId, String organizationName,
		int year, String details, String studentName, String school, String grade, SchoolLevel schoolLevel,
		BigDecimal billAmount, BigDecimal insuranceAmount, BigDecimal otherAidAmount, String caseSummary,
		String caseOutcome, BigDecimal obtainedAmount, BigDecimal computedAmount, String ruleText,
		BigDecimal requestedAmount, String overrideReason, ApprovalLevel approvalLevel, String recordedBy,
		LocalDateTime recordedAt, String decidedBy, LocalDateTime decidedAt, String decisionComment,
		BigDecimal approvedAmount, BigDecimal paidAmount, String lookupCode, long version,
		List<AidCaseTimelineEntry> timeline, boolean mayDecide, String decisionBlock, AidBudgetView payerBudget) {

	public boolean isOverridden() {
		return requestedAmount.compareTo(computedAmount) != 0;
	}

	/** What may still be paid. */
	public BigDecimal payable() {
		return status == CaseStatus.APPROVED && approvedAmount != null ? approvedAmount.subtract(paidAmount)
				: BigDecimal.ZERO;
	}

	public boolean mayPay() {
		return payable().signum() > 0;
	}

	/** The lookup code in two groups for reading out ({@code K7M2Q-X9PA3}). */
	public String lookupCodeDisplay() {
		return lookupCode == null || lookupCode.length() != 10 ? lookupCode : LookupCodes.display(lookupCode);
	}
}
