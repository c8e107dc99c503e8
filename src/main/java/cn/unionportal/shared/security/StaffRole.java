package cn.unionportal.shared.security;

/**
 * Roles of staff accounts. Codes match table {@code staff_role}.
 */
public enum StaffRole {

	/** Whole federation; manages every account. Only for accounts of the municipal federation. */
	FEDERATION_ADMIN,

	/** Manages its organization's subtree, including the accounts in it. */
	ORG_ADMIN,

	/** Reads and works in its organization's subtree. */
	STAFF,

	/** A competition judge: reaches only the score sheets of the trades they sit on (issue 10). */
	JUDGE;

	public String authority() {
		return "ROLE_" + name();
	}
}
