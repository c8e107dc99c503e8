package cn.unionportal.benefits;

import java.time.LocalDate;

/**
 * The stored status of an entitlement. A granted entitlement whose period has ended is shown as
 * {@link #EXPIRED} (see {@link #effective}) without anyone having to change it.
 */
public enum EntitlementStatus {

	GRANTED, USED, EXPIRED, REVOKED;

	/** The status as of {@code today}: granted but past {@code validUntil} counts as expired. */
	public EntitlementStatus effective(LocalDate validUntil, LocalDate today) {
		if (this == GRANTED && validUntil != null && validUntil.isBefore(today)) {
			return EXPIRED;
		}
		return this;
	}

	/** Staff may change only a granted entitlement (to used, expired or revoked). */
	boolean mayChangeTo(EntitlementStatus next) {
		return this == GRANTED && next != GRANTED;
	}
}
