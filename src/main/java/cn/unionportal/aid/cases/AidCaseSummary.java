package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One line of a case list (the member's ID number masked). */
public record AidCaseSummary(long id, AidKind kind, CaseStatus status, long memberId, String memberName,
		String memberIdNumberMasked, Long fileId, long organizationId, String organizationName, int year,
		BigDecimal requestedAmount, BigDecimal approvedAmount, BigDecimal paidAmount, ApprovalLevel approvalLevel,
		String recordedBy, LocalDateTime recordedAt) {
}
