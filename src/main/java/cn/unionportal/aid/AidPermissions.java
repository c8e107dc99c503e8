package cn.unionportal.aid;

import cn.unionportal.aid.cases.ApprovalLevel;

import java.util.EnumSet;
import java.util.Set;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * The aid module's answers to "may this user do X here" (issue 9), asked by the aid services and
 * pages. Scope comes first (404, the organization module's {@code Scope}); these are the role and
 * level checks (403) after it.
 */
@Component
public class AidPermissions {

	private final OrganizationManagement organizations;

	AidPermissions(OrganizationManagement organizations) {
		this.organizations = organizations;
	}

	/** Whether the user works at a federation (district or municipal) and so takes federation steps. */
	public boolean isFederationLevel(CurrentUser user) {
		OrganizationType type = organizations.typeOf(user.organizationId());
		return type == OrganizationType.DISTRICT_FEDERATION || type == OrganizationType.MUNICIPAL_FEDERATION;
	}

	/** Federation review, public notice, objections, filing decisions: district or municipal federations. */
	public void requireFederationLevel(CurrentUser user) {
		if (!isFederationLevel(user)) {
			throw new ForbiddenException("federation steps are taken by district or municipal federations");
		}
	}

	/** The access log of a household file: administrators of a federation (district or municipal). */
	public boolean mayReadAccessLog(CurrentUser user) {
		return user.isAdministrator() && isFederationLevel(user);
	}

	public void requireReadAccessLog(CurrentUser user) {
		if (!mayReadAccessLog(user)) {
			throw new ForbiddenException("the file access log is for federation administrators");
		}
	}

	/** Setting a district's income threshold (at the district federation or above): administrators. */
	public void requireSetThresholds(CurrentUser user) {
		if (!user.isAdministrator()) {
			throw new ForbiddenException("thresholds are set by administrators");
		}
	}

	/** Deleting an attachment (evidence): administrators. */
	public boolean mayDeleteAttachments(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireDeleteAttachments(CurrentUser user) {
		if (!mayDeleteAttachments(user)) {
			throw new ForbiddenException("deleting evidence needs an administrator");
		}
	}

	/** Setting budgets at all: administrators. */
	public boolean mayEditBudgets(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireEditBudgets(CurrentUser user) {
		if (!mayEditBudgets(user)) {
			throw new ForbiddenException("budgets are set by administrators");
		}
	}

	/**
	 * Whether the user may set the budget of this organization (in scope): from the level above,
	 * except the municipal federation's own, which its federation administrators set.
	 */
	public boolean mayEditBudget(CurrentUser user, long organizationId) {
		return mayEditBudgets(user) && (organizationId != user.organizationId()
				|| (user.has(StaffRole.FEDERATION_ADMIN) && organizationId == organizations.rootId()));
	}

	/** The aid policy (rates, caps, standards of a year): federation administrators. */
	public boolean mayEditPolicy(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN);
	}

	public void requireEditPolicy(CurrentUser user) {
		if (!mayEditPolicy(user)) {
			throw new ForbiddenException("the aid policy is set by federation administrators");
		}
	}

	/**
	 * The approval levels of aid cases the user decides (empty for staff and for users below
	 * district level): administrators of the municipal federation all, of a district federation
	 * the district level.
	 */
	public Set<ApprovalLevel> decisionLevels(CurrentUser user) {
		if (!user.has(StaffRole.ORG_ADMIN) && !user.has(StaffRole.FEDERATION_ADMIN)) {
			return EnumSet.noneOf(ApprovalLevel.class);
		}
		OrganizationType type = organizations.typeOf(user.organizationId());
		return switch (type) {
			case MUNICIPAL_FEDERATION -> EnumSet.allOf(ApprovalLevel.class);
			case DISTRICT_FEDERATION -> EnumSet.of(ApprovalLevel.DISTRICT);
			default -> EnumSet.noneOf(ApprovalLevel.class);
		};
	}
}
