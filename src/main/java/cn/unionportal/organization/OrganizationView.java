package cn.unionportal.organization;

import java.time.LocalDate;

/**
 * An organization as its detail page and edit form show it.
 */
public record OrganizationView(long id, String name, OrganizationType type, Long parentId, String parentName,
		String chair, LocalDate foundedOn, String creditCode, OrganizationStatus status, LocalDate dissolvedOn,
		long version, boolean scopeRoot, Integer employees) {

	public boolean isActive() {
		return status == OrganizationStatus.ACTIVE;
	}
}
