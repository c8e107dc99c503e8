package cn.unionportal.benefits;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * The benefits module's answers to "may this user do X here" (issue 9), asked by the benefits
 * services and pages. Scope comes first (404); these are the role checks (403) after it.
 */
@Component
public class BenefitsPermissions {

	private final OrganizationManagement organizations;

	BenefitsPermissions(OrganizationManagement organizations) {
		this.organizations = organizations;
	}

	/** Programmes are created and closed by federation administrators. */
	public boolean mayManageProgrammes(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN);
	}

	public void requireManageProgrammes(CurrentUser user) {
		if (!mayManageProgrammes(user)) {
			throw new ForbiddenException("programmes are managed by federation administrators");
		}
	}

	/** Partner merchants are managed by the municipal federation's staff and federation administrators. */
	public boolean mayManageMerchants(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN) || user.organizationId() == organizations.rootId();
	}

	public void requireManageMerchants(CurrentUser user) {
		if (!mayManageMerchants(user)) {
			throw new ForbiddenException("partner merchants are managed by federation staff");
		}
	}
}
