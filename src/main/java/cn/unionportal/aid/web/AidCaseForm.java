package cn.unionportal.aid.web;

import java.math.BigDecimal;

import cn.unionportal.aid.cases.AidCaseData;
import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.cases.SchoolLevel;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Recording a case; the page shows only the fields of the chosen kind. */
record AidCaseForm(@NotNull(message = "{validation.required}") AidKind kind,
		@NotNull(message = "{validation.required}") Long memberId, Long fileId,
		@Size(max = 4000, message = "{validation.size.max}") String details,
		@Size(max = 50, message = "{validation.size.max}") String studentName,
		@Size(max = 100, message = "{validation.size.max}") String school,
		@Size(max = 30, message = "{validation.size.max}") String grade, SchoolLevel schoolLevel,
		@PositiveOrZero(message = "{aid.case.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.case.error.amount}") BigDecimal billAmount,
		@PositiveOrZero(message = "{aid.case.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.case.error.amount}") BigDecimal insuranceAmount,
		@PositiveOrZero(message = "{aid.case.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.case.error.amount}") BigDecimal otherAidAmount,
		@Size(max = 2000, message = "{validation.size.max}") String caseSummary,
		@Size(max = 2000, message = "{validation.size.max}") String caseOutcome,
		@PositiveOrZero(message = "{aid.case.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.case.error.amount}") BigDecimal obtainedAmount,
		@PositiveOrZero(message = "{aid.case.error.amount}") @Digits(integer = 10, fraction = 2, message = "{aid.case.error.amount}") BigDecimal requestedAmount,
		@Size(max = 500, message = "{validation.size.max}") String overrideReason) {

	static AidCaseForm empty(AidKind kind, long memberId, Long fileId) {
		return new AidCaseForm(kind, memberId, fileId, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	AidCaseData data() {
		return new AidCaseData(kind, memberId == null ? -1 : memberId, fileId, details, studentName, school, grade,
				schoolLevel, billAmount, insuranceAmount, otherAidAmount, caseSummary, caseOutcome, obtainedAmount,
				requestedAmount, overrideReason);
	}
}
