package cn.unionportal.organization;

/**
 * One line of a tree, a list or a breadcrumb.
 *
 * @param activeChildren the number of active child organizations (0 where not counted)
 */
public record OrganizationSummary(long id, String name, OrganizationType type, OrganizationStatus status,
		Long parentId, long activeChildren) {

	public boolean isActive() {
		return status == OrganizationStatus.ACTIVE;
	}
}
