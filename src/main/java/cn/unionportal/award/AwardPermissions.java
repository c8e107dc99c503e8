package cn.unionportal.award;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this user do X here" for awards. Scope (404) is checked before
 * by the services; these answers give the 403.
 */
@Component
public class AwardPermissions {

	private final JdbcClient jdbc;

	AwardPermissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
	 * The district review, as a condition over nomination {@code n} (binds {@code :org}, the user's
	 * organization, and {@code :me}, the username): staff of the organization whose quota the
	 * nomination uses, never the person who nominated (four-eyes). Written once: the check of one
	 * nomination and the home page queue (AwardWorkQueues) both use it.
	 */
	static final String DISTRICT_REVIEWER = "n.quota_organization_id = :org AND n.nominated_by <> :me";

	/**
	 * The municipal review panel, as a condition over nomination {@code n} and its campaign
	 * {@code c} (binds {@code :org} and {@code :me}): staff of the campaign owner, never the person
	 * who nominated nor the district reviewer of that nomination (four-eyes).
	 */
	static final String PANEL_VOTER = "c.organization_id = :org AND n.nominated_by <> :me"
			+ " AND (n.district_reviewer IS NULL OR n.district_reviewer <> :me)";

	/** Whether the user may review this nomination in the district ({@link #DISTRICT_REVIEWER}). */
	public boolean mayReviewInDistrict(CurrentUser user, long nominationId) {
		return holds(DISTRICT_REVIEWER, user, nominationId);
	}

	/** Whether the user may vote on this nomination in the panel ({@link #PANEL_VOTER}). */
	public boolean mayVote(CurrentUser user, long nominationId) {
		return holds(PANEL_VOTER, user, nominationId);
	}

	private boolean holds(String rule, CurrentUser user, long nominationId) {
		return jdbc.sql("SELECT COUNT(*) FROM nomination n JOIN award_campaign c ON c.id = n.campaign_id"
				+ " WHERE n.id = :id AND " + rule)
			.param("id", nominationId).param("org", user.organizationId()).param("me", user.username())
			.query(Long.class).single() > 0;
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
