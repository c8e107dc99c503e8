package cn.unionportal.award;

import java.time.LocalDate;

/**
 * Events of the honour register, for the modules that react to honours (statistics; the aid
 * module's priority list for model workers in hardship, through {@link AidPriorityRelay}). Published in the
 * recording transaction.
 */
public final class HonourEvents {

	private HonourEvents() {
	}

	/** An honour was recorded for a member (memberId null: a collective). */
	public record HonourConferred(long honourId, Long memberId, long organizationId, String kindCode,
			HonourLevel level, int year, LocalDate conferredOn, HonourSource source) {
	}

	/** An honour was revoked. */
	public record HonourRevoked(long honourId, Long memberId, long organizationId, String kindCode, LocalDate revokedOn) {
	}
}
