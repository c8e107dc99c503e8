package cn.unionportal.organization;

/**
 * Events published by the organization module, for other modules to react to.
 */
public final class OrganizationEvents {

	private OrganizationEvents() {
	}

	public record OrganizationCreated(long organizationId, long parentId, OrganizationType type) {
	}

	public record OrganizationMoved(long organizationId, long fromParentId, long toParentId) {
	}

	public record OrganizationDissolved(long organizationId) {
	}
}
