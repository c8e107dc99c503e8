package cn.unionportal.aid.cases;

/**
 * Filters of the case list; every one is optional.
 *
 * @param organizationId cases of this organization's subtree (must lie in the user's scope)
 * @param memberId cases of one member (in scope)
 * @param fileId cases attached to one household file (in scope)
 */
public record AidCaseQuery(CaseStatus status, AidKind kind, Integer year, Long organizationId, Long memberId,
		Long fileId) {

	public static AidCaseQuery all() {
		return new AidCaseQuery(null, null, null, null, null, null);
	}
}
