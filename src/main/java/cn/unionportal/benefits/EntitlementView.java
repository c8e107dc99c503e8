package cn.unionportal.benefits;

import java.time.LocalDate;

/**
 * An entitlement granted to a member.
 *
 * @param status the stored status
 * @param effectiveStatus the status as of the day asked about (granted but past its period:
 * expired)
 */
public record EntitlementView(long id, long memberId, String memberName, long organizationId,
		String organizationName, EntitlementKind kind, String description, LocalDate validFrom,
		LocalDate validUntil, EntitlementStatus status, EntitlementStatus effectiveStatus, EntitlementSource source,
		String grantedBy, long version) {

	/** Whether staff may still change the status (only granted, unexpired or not, ones). */
	public boolean isChangeable() {
		return status == EntitlementStatus.GRANTED;
	}
}
