package cn.unionportal.award;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this user do X here" for awards. Scope (404) is checked before
 * by the services; these answers give the 403.
 */
@Component
public class AwardPermissions {

	/** The catalogue is edited by federation administrators. */
	public boolean mayEditCatalogue(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN);
	}

	/** Campaigns are opened by administrators; their organization owns them. */
	public boolean mayOpenCampaign(CurrentUser user) {
		return user.isAdministrator();
	}

	/** The owner's administrators adjust quotas and constraints, move the phases, confer. */
	public boolean mayRunCampaign(CurrentUser user, long ownerOrganizationId) {
		return user.isAdministrator() && user.organizationId() == ownerOrganizationId;
	}

	/** Any staff account nominates for organizations of its scope (scope checked by the caller). */
	public boolean mayNominate(CurrentUser user) {
		return !user.roles().isEmpty();
	}

	/**
	 * The district review: staff of the organization whose quota the nomination uses, never the
	 * person who nominated (four-eyes).
	 */
	public boolean mayReviewInDistrict(CurrentUser user, long quotaOrganizationId, String nominatedBy) {
		return user.organizationId() == quotaOrganizationId && !user.username().equals(nominatedBy);
	}

	/**
	 * The municipal review panel: staff of the campaign owner, never the person who nominated nor
	 * the district reviewer of that nomination (four-eyes).
	 */
	public boolean mayVote(CurrentUser user, long ownerOrganizationId, String nominatedBy, String districtReviewer) {
		return user.organizationId() == ownerOrganizationId && !user.username().equals(nominatedBy)
				&& !user.username().equals(districtReviewer);
	}

	/** Objections are resolved by the campaign owner's staff. */
	public boolean mayResolveObjections(CurrentUser user, long ownerOrganizationId) {
		return user.organizationId() == ownerOrganizationId;
	}

	/** Honours conferred outside the portal are entered, and honours revoked, by administrators. */
	public boolean mayManageRegister(CurrentUser user) {
		return user.isAdministrator();
	}

	/** The allowance roster (names and amounts for payment): administrators. */
	public boolean mayExportRoster(CurrentUser user) {
		return user.isAdministrator();
	}

	/** Innovation studios are recorded and evaluated by any staff in scope. */
	public boolean mayManageStudios(CurrentUser user) {
		return !user.roles().isEmpty();
	}

	static void require(boolean allowed, String what) {
		if (!allowed) {
			throw new ForbiddenException(what);
		}
	}
}
