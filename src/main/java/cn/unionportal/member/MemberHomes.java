package cn.unionportal.member;

/**
 * The member registry's published SQL for other modules' figures that count records by the
 * member's union (self-service accounts carry only the member's id): the union of a member, as a
 * scalar subquery written here, by the table's owner.
 */
public final class MemberHomes {

	private MemberHomes() {
	}

	/** {@code (SELECT organization_id FROM member WHERE id = <memberIdColumn>)}. Portable SQL. */
	public static String organizationOf(String memberIdColumn) {
		return "(SELECT mh.organization_id FROM member mh WHERE mh.id = " + memberIdColumn + ")";
	}
}
