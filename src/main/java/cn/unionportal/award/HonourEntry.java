package cn.unionportal.award;

import java.time.LocalDate;

/**
 * An honour to record: for a member ({@code memberId}) or a collective ({@code memberId} null,
 * {@code organizationId} the organization honoured).
 */
record HonourEntry(long kindId, Long memberId, long organizationId, String holderName, int year, LocalDate conferredOn,
		HonourSource source, Long campaignId, Long nominationId, String reference, String certificateCode) {
}
