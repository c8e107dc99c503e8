package cn.unionportal.award;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of nominations (NominationManagement and NominationReview are the write side):
 * one nomination, a campaign's list, the timeline, the clearances and the objections to the
 * candidates on notice. A nomination is visible to
 * staff whose scope holds the nominating organization (the district and the owner lie above it).
 */
@Service
@Transactional(readOnly = true)
public class NominationSearch {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final Campaigns campaigns;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final PersonalDataCipher cipher;

	NominationSearch(JdbcClient jdbc, Nominations nominations, Campaigns campaigns, Scopes scopes,
			AwardPermissions permissions, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.permissions = permissions;
		this.cipher = cipher;
	}

	/** A nomination of the user's scope (404 otherwise), with its organization's name. */
	public NominationView nomination(CurrentUser user, long id) {
		return nominations.visible(scopes.of(user), id);
	}

	/** The campaign's nominations from organizations of the user's scope, by status and name. */
	public Page<NominationView> nominationsOf(CurrentUser user, long campaignId, NominationStatus status,
			Pageable pageable) {
		return nominationsOf(user, campaigns.campaign(user, campaignId), status, pageable);
	}

	/** The same for a campaign the user may see, as Campaigns.campaign returned it (no second load). */
	public Page<NominationView> nominationsOf(CurrentUser user, CampaignView campaign, NominationStatus status,
			Pageable pageable) {
		long campaignId = campaign.id();
		Scope scope = scopes.of(user);
		Page<NominationView> page = ScopedQuery.from("nomination n", "n.organization_id", scope.rootId())
			.and("n.campaign_id = :campaign", "campaign", campaignId)
			.and(status != null, "n.status = :status", "status", status == null ? null : status.name())
			.page(jdbc, Nominations.COLUMNS, "n.name_sort_key, n.id", pageable, Nominations::map);
		Map<Long, String> names = scope.names(page.getContent().stream().map(NominationView::organizationId).toList());
		return page.map(n -> Nominations.named(n, names.get(n.organizationId())));
	}

	public List<TimelineEntry> timeline(CurrentUser user, long id) {
		nomination(user, id);
		return nominations.timeline(id);
	}

	public Set<ClearanceItem> clearances(CurrentUser user, long id) {
		nomination(user, id);
		return nominations.clearances(id);
	}

	/** Objections to the campaign's candidates (the campaign owner's staff). */
	public List<ObjectionView> objections(CurrentUser user, long campaignId) {
		return objections(user, campaigns.campaign(user, campaignId));
	}

	/** The same for a campaign the user may see, as Campaigns.campaign returned it (no second load). */
	public List<ObjectionView> objections(CurrentUser user, CampaignView campaign) {
		long campaignId = campaign.id();
		if (!permissions.mayResolveObjections(user, campaign.organizationId())
				&& !scopes.of(user).contains(campaign.organizationId())) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT o.id, o.nomination_id, n.nominee_name, o.objector_name, o.objector_phone, o.content, o.received_at,
				  o.status, o.resolution, o.resolved_by, o.version
				FROM nomination_objection o JOIN nomination n ON n.id = o.nomination_id
				WHERE n.campaign_id = :c ORDER BY o.received_at, o.id
				""").param("c", campaignId)
			.query((rs, i) -> new ObjectionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : Masking.phone(cipher.decrypt(rs.getString(5))), rs.getString(6),
					rs.getTimestamp(7).toInstant(), ObjectionStatus.valueOf(rs.getString(8)), rs.getString(9),
					rs.getString(10), rs.getLong(11)))
			.list();
	}
}
