package cn.unionportal.member;

/** Events of the member registry. */
public final class MemberEvents {

	private MemberEvents() {
	}

	/** A member moved to another organization (a completed transfer). */
	public record MemberTransferred(long memberId, long fromOrganizationId, long toOrganizationId) {
	}

	/** A member's status changed (left, deceased, lapsed, active again). */
	public record MemberStatusChanged(long memberId, MemberStatus from, MemberStatus to) {
	}
}
