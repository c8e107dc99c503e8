package cn.unionportal.award;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.award.AwardRules.Figure;
import cn.unionportal.award.AwardRules.Mix;
import cn.unionportal.award.Campaigns.QuotaRow;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.Gender;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations from below, the nominating organization's steps (write side): entering, editing,
 * the clearance checklist and submitting (eligibility, attachments, quota and structure
 * constraints checked at submission). The review rounds are NominationReview's, the reads
 * NominationSearch's.
 */
@Service
@Transactional(readOnly = true)
public class NominationManagement {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final Campaigns campaigns;

	private final Nominees nominees;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final Clock clock;

	NominationManagement(JdbcClient jdbc, Nominations nominations, Campaigns campaigns,
			Nominees nominees, Scopes scopes, AwardPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.nominees = nominees;
		this.scopes = scopes;
		this.permissions = permissions;
		this.clock = clock;
	}

	// ---- the nominating organization ---------------------------------------------------------------

	/**
	 * Enters a nomination (a draft) for a member of the nominating organization's subtree, or for
	 * an organization of it when the honour is collective. The database refuses a second
	 * nomination of the same person (or organization) in the campaign, from whichever organization.
	 */
	@Transactional
	public long nominate(CurrentUser user, long campaignId, NominationData data) {
		CampaignView campaign = campaigns.campaign(user, campaignId);
		Scope scope = scopes.of(user);
		long org = scope.require(Texts.requireField(data.organizationId(), "organizationId"));
		AwardPermissions.require(permissions.mayNominate(user), "nominate");
		if (campaign.status() != CampaignStatus.NOMINATING || LocalDate.now(clock).isAfter(campaign.nominationsUntil())) {
			throw new RuleViolationException(null, "award.error.nominationsClosed");
		}
		QuotaRow quota = campaigns.quotaFor(campaignId, org);
		String deeds = Texts.required(data.deeds(), "deeds", 4000);
		String name;
		boolean woman = false;
		boolean migrant = false;
		NomineeCategory category;
		if (campaign.collective()) {
			long nominee = scope.require(Texts.requireField(data.nomineeOrganizationId(), "nomineeOrganizationId"));
			nominees.requireBelow(org, nominee, "nomineeOrganizationId");
			name = scope.name(nominee);
			category = NomineeCategory.COLLECTIVE;
		}
		else {
			MemberView member = nominees.member(user, Texts.requireField(data.memberId(), "memberId"));
			nominees.requireBelow(org, member.organizationId(), "memberId");
			category = Texts.requireField(data.category(), "category");
			if (category == NomineeCategory.COLLECTIVE) {
				throw new RuleViolationException("category", "award.error.collectiveCategory");
			}
			nominees.requireEligible(campaign, member, category, java.util.Set.copyOf(AwardRules.ALL_CLEARANCES));
			name = member.name();
			woman = member.gender() == Gender.FEMALE;
			migrant = member.employmentType() == EmploymentType.MIGRANT_WORKER;
		}
		Long nominee = campaign.collective() ? data.nomineeOrganizationId() : data.memberId();
		if (jdbc.sql("SELECT COUNT(*) FROM nomination WHERE campaign_id = :c AND "
				+ (campaign.collective() ? "nominee_organization_id" : "member_id") + " = :nominee")
			.param("c", campaignId).param("nominee", nominee).query(Long.class).single() > 0) {
			throw duplicate(campaign);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO nomination (campaign_id, member_id, nominee_organization_id, nominee_name, name_sort_key,
					  organization_id, quota_organization_id, category, woman, migrant, deeds, deeds_summary, unit_decision,
					  unit_posting, status, nominated_by, created_at, updated_at)
					VALUES (:c, :member, :nomineeOrg, :name, :sortKey, :org, :quotaOrg, :category, :woman, :migrant, :deeds,
					  :summary, :decision, :posting, 'DRAFT', :by, :at, :at)
					""")
				.param("c", campaignId).param("member", campaign.collective() ? null : data.memberId())
				.param("nomineeOrg", campaign.collective() ? data.nomineeOrganizationId() : null).param("name", name)
				.param("sortKey", campaign.collective() ? ChineseNames.sortKey(name) : ChineseNames.personSortKey(name))
				.param("org", org).param("quotaOrg", quota.organizationId()).param("category", category.name())
				.param("woman", woman).param("migrant", migrant).param("deeds", deeds)
				.param("summary", Texts.summary(deeds, 300))
				.param("decision", Texts.optional(data.unitDecision(), "unitDecision", 200))
				.param("posting", Texts.optional(data.unitPosting(), "unitPosting", 200)).param("by", user.username())
				.param("at", Timestamp.from(clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException concurrent) {
			throw duplicate(campaign);
		}
		long id = keys.getKey().longValue();
		nominations.step(nominations.load(id), user.username(), "CREATED", null);
		return id;
	}

	private static RuleViolationException duplicate(CampaignView campaign) {
		return new RuleViolationException(campaign.collective() ? "nomineeOrganizationId" : "memberId",
				"award.error.duplicateNomination");
	}

	/** Edits a draft or returned nomination (deeds and references). */
	@Transactional
	public void edit(CurrentUser user, long id, long version, String deeds, String unitDecision, String unitPosting) {
		NominationView n = nominations.visible(scopes.of(user), id);
		if (!n.status().isEditable()) {
			throw new RuleViolationException(null, "award.error.notEditable");
		}
		String text = Texts.required(deeds, "deeds", 4000);
		if (jdbc.sql("""
				UPDATE nomination SET deeds = :d, deeds_summary = :s, unit_decision = :dec, unit_posting = :post,
				  version = version + 1 WHERE id = :id AND version = :v
				""").param("d", text).param("s", Texts.summary(text, 300))
			.param("dec", Texts.optional(unitDecision, "unitDecision", 200))
			.param("post", Texts.optional(unitPosting, "unitPosting", 200)).param("id", id).param("v", version)
			.update() == 0) {
			throw new cn.unionportal.shared.ConflictException("nomination " + id + " changed meanwhile");
		}
		nominations.step(n, user.username(), "EDITED", null);
	}

	/** Records one item of an enterprise head's clearance checklist: who cleared it and when. */
	@Transactional
	public void recordClearance(CurrentUser user, long id, ClearanceItem item, String clearedBy, LocalDate clearedOn) {
		NominationView n = nominations.visible(scopes.of(user), id);
		if (!n.status().isEditable()) {
			throw new RuleViolationException(null, "award.error.notEditable");
		}
		Texts.requireField(item, "item");
		String who = Texts.required(clearedBy, "clearedBy", 100);
		Texts.requireField(clearedOn, "clearedOn");
		if (clearedOn.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("clearedOn", "award.error.future");
		}
		jdbc.sql("DELETE FROM nomination_clearance WHERE nomination_id = :n AND item = :i").param("n", id)
			.param("i", item.name()).update();
		jdbc.sql("INSERT INTO nomination_clearance (nomination_id, item, cleared_by, cleared_on) VALUES (:n, :i, :w, :d)")
			.param("n", id).param("i", item.name()).param("w", who).param("d", Date.valueOf(clearedOn)).update();
		nominations.step(n, user.username(), "CLEARED", item + ": " + who + ", " + clearedOn);
	}

	/**
	 * Submits the nomination: eligibility (with the clearances), the decision and posting
	 * references, a deeds attachment, then, under a lock on the quota row, the quota and every
	 * structure constraint of the nominating organization's line. A refusal names the figure.
	 */
	@Transactional
	public void submit(CurrentUser user, long id, long version) {
		NominationView n = nominations.visible(scopes.of(user), id);
		if (!n.status().isEditable()) {
			throw new RuleViolationException(null, "award.error.notEditable");
		}
		CampaignView campaign = campaigns.load(n.campaignId());
		if (campaign.status() != CampaignStatus.NOMINATING || LocalDate.now(clock).isAfter(campaign.nominationsUntil())) {
			throw new RuleViolationException(null, "award.error.nominationsClosed");
		}
		if (n.memberId() != null) {
			nominees.requireEligible(campaign, nominees.member(user, n.memberId()), n.category(), nominations.clearances(id));
		}
		if (n.unitDecision() == null || n.unitPosting() == null) {
			throw new RuleViolationException(n.unitDecision() == null ? "unitDecision" : "unitPosting",
					"award.error.unitProof");
		}
		boolean deedsAttached = jdbc.sql("SELECT COUNT(*) FROM nomination_attachment WHERE nomination_id = :n AND purpose = 'DEEDS'")
			.param("n", id).query(Long.class).single() > 0;
		if (!deedsAttached) {
			throw new RuleViolationException("file", "award.error.attachmentMissing");
		}
		QuotaRow quota = campaigns.quotas(n.campaignId()).stream()
			.filter(q -> q.organizationId() == n.quotaOrganizationId()).findFirst().orElseThrow();
		campaigns.lockQuota(quota.id());
		Mix mix = nominations.mixOf(n.campaignId(), n.quotaOrganizationId(), NominationStatus.IN_THE_RUNNING);
		int quotaNow = jdbc.sql("SELECT quota FROM campaign_quota WHERE id = :id").param("id", quota.id())
			.query(Integer.class).single();
		if (mix.total() + 1 > quotaNow) {
			throw new RuleViolationException(null, "award.error.overQuota", quotaNow, mix.total());
		}
		Mix after = mix.plus(n.category(), n.woman(), n.migrant());
		for (Figure f : AwardRules.judge(campaigns.rules(n.campaignId()), after, quotaNow)) {
			if (!f.ok()) {
				throw new RuleViolationException(null, "award.error.constraint." + f.rule().bound(),
						new org.springframework.context.support.DefaultMessageSourceResolvable("award.criterion." + f.rule().criterion()),
						f.rule().percent(), f.matching(), f.total(), f.needed(),
						quotaNow);
			}
		}
		nominations.move(n, version, NominationStatus.SUBMITTED, user.username(), "SUBMITTED", null, null, null);
	}
}
