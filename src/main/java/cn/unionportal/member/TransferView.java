package cn.unionportal.member;

import java.time.LocalDateTime;

/** A transfer as lists and the member's history show it. */
public record TransferView(long id, long memberId, String memberName, String memberIdMasked, long fromOrganizationId,
		String fromOrganizationName, long toOrganizationId, String toOrganizationName, TransferStatus status,
		String reason, String requestedBy, LocalDateTime requestedAt, String decidedBy, LocalDateTime decidedAt,
		String decisionNote, long version) {
}
