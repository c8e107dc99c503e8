package cn.unionportal.member;

/**
 * Events of the member registry. Each carries the organizations and the date, so the coming
 * statistics module can count members joining, leaving and moving without reading member's tables.
 */
public final class MemberEvents {

	private MemberEvents() {
	}

	/** A member was registered at an organization, having joined the union on a date. */
	public record MemberJoined(long memberId, long organizationId, java.time.LocalDate joinDate) {
	}

	/** A member moved to another organization (a completed transfer) on a date. */
	public record MemberTransferred(long memberId, long fromOrganizationId, long toOrganizationId,
			java.time.LocalDate transferredOn) {
	}

	/**
	 * A member's status changed (left, deceased, lapsed, active again) at their organization on a
	 * date; a member leaves when {@code to} is no longer active.
	 */
	public record MemberStatusChanged(long memberId, MemberStatus from, MemberStatus to, long organizationId,
			java.time.LocalDate changedOn) {
	}
}
