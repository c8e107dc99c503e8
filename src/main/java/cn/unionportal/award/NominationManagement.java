package cn.unionportal.award;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionportal.award.AwardRules.Figure;
import cn.unionportal.award.AwardRules.KindRule;
import cn.unionportal.award.AwardRules.Mix;
import cn.unionportal.award.CampaignManagement.QuotaRow;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.Gender;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations from below: the nominating organization enters and submits them (eligibility,
 * attachments, quota and structure constraints checked at submission), the district federation
 * reviews within its quota, the municipal panel votes, each member separately. Four-eyes: whoever
 * nominated cannot approve at the next level ({@link AwardPermissions}). A nomination is visible to
 * staff whose scope holds the nominating organization (the district and the owner lie above it).
 */
@Service
@Transactional(readOnly = true)
public class NominationManagement {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final CampaignManagement campaigns;

	private final HonourCatalogue catalogue;

	private final HonourRegister register;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final Clock clock;

	NominationManagement(JdbcClient jdbc, Nominations nominations, CampaignManagement campaigns,
			HonourCatalogue catalogue, HonourRegister register, MemberManagement members,
			OrganizationManagement organizations, Scopes scopes, AwardPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.catalogue = catalogue;
		this.register = register;
		this.members = members;
		this.organizations = organizations;
		this.scopes = scopes;
		this.permissions = permissions;
		this.clock = clock;
	}

	// ---- reads -------------------------------------------------------------------------------------

	/** A nomination of the user's scope (404 otherwise), with its organization's name. */
	public NominationView nomination(CurrentUser user, long id) {
		NominationView n = nominations.load(id);
		Scope scope = scopes.of(user);
		if (!scope.contains(n.organizationId())) {
			throw new NotFoundException("nomination", id);
		}
		return named(n, scope.name(n.organizationId()));
	}

	/** The campaign's nominations from organizations of the user's scope, by status and name. */
	public Page<NominationView> nominationsOf(CurrentUser user, long campaignId, NominationStatus status,
			Pageable pageable) {
		campaigns.campaign(user, campaignId);
		Scope scope = scopes.of(user);
		Page<NominationView> page = ScopedQuery.from("nomination n", "n.organization_id", scope.rootId())
			.and("n.campaign_id = :campaign", "campaign", campaignId)
			.and(status != null, "n.status = :status", "status", status == null ? null : status.name())
			.page(jdbc, Nominations.COLUMNS, "n.name_sort_key, n.id", pageable, Nominations::map);
		Map<Long, String> names = scope.names(page.getContent().stream().map(NominationView::organizationId).toList());
		return page.map(n -> named(n, names.get(n.organizationId())));
	}

	public List<TimelineEntry> timeline(CurrentUser user, long id) {
		nomination(user, id);
		return nominations.timeline(id);
	}

	public java.util.Set<ClearanceItem> clearances(CurrentUser user, long id) {
		nomination(user, id);
		return nominations.clearances(id);
	}

	private static NominationView named(NominationView n, String organizationName) {
		return new NominationView(n.id(), n.campaignId(), n.memberId(), n.nomineeOrganizationId(), n.nomineeName(),
				n.organizationId(), organizationName, n.quotaOrganizationId(), n.category(), n.woman(), n.migrant(),
				n.deeds(), n.deedsSummary(), n.unitDecision(), n.unitPosting(), n.status(), n.nominatedBy(),
				n.districtReviewer(), n.returnReason(), n.votesFor(), n.votesAgainst(), n.version());
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
			if (nominee != org && !organizations.isWithin(org, nominee)) {
				throw new RuleViolationException("nomineeOrganizationId", "award.error.notBelow");
			}
			name = scope.name(nominee);
			category = NomineeCategory.COLLECTIVE;
		}
		else {
			MemberView member = members.get(user, Texts.requireField(data.memberId(), "memberId"));
			if (member.organizationId() != org && !organizations.isWithin(org, member.organizationId())) {
				throw new RuleViolationException("memberId", "award.error.notBelow");
			}
			category = Texts.requireField(data.category(), "category");
			if (category == NomineeCategory.COLLECTIVE) {
				throw new RuleViolationException("category", "award.error.collectiveCategory");
			}
			checkEligible(campaign, member, category, java.util.Set.copyOf(AwardRules.ALL_CLEARANCES));
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
		NominationView n = nomination(user, id);
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
		NominationView n = nomination(user, id);
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
		NominationView n = nomination(user, id);
		if (!n.status().isEditable()) {
			throw new RuleViolationException(null, "award.error.notEditable");
		}
		CampaignView campaign = campaigns.load(n.campaignId());
		if (campaign.status() != CampaignStatus.NOMINATING || LocalDate.now(clock).isAfter(campaign.nominationsUntil())) {
			throw new RuleViolationException(null, "award.error.nominationsClosed");
		}
		if (n.memberId() != null) {
			checkEligible(campaign, members.get(user, n.memberId()), n.category(), nominations.clearances(id));
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
		Mix mix = mixOf(n.campaignId(), n.quotaOrganizationId(), NominationStatus.IN_THE_RUNNING);
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

	private void checkEligible(CampaignView campaign, MemberView member, NomineeCategory category,
			java.util.Set<ClearanceItem> cleared) {
		HonourKindView kind = catalogue.kind(campaign.kindId());
		AwardRules.eligibility(member.isActive(),
				new KindRule(kind.id(), kind.prerequisiteId(), kind.repeatAfterYears()), campaign.year(),
				register.heldBy(member.id()), category, cleared)
			.ifPresent(refusal -> {
				throw new RuleViolationException(refusal.field(), refusal.messageKey(), refusal.arguments());
			});
	}

	Mix mixOf(long campaignId, long quotaOrganizationId, java.util.Set<NominationStatus> statuses) {
		Mix[] mix = { Mix.EMPTY };
		jdbc.sql("""
				SELECT category, woman, migrant FROM nomination
				WHERE campaign_id = :c AND quota_organization_id = :o AND status IN (:statuses)
				""").param("c", campaignId).param("o", quotaOrganizationId)
			.param("statuses", ScopedQuery.names(statuses))
			.query(rs -> {
				mix[0] = mix[0].plus(NomineeCategory.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3));
			});
		return mix[0];
	}

	// ---- the district federation -------------------------------------------------------------------

	/** The district reviews: approve within its quota, return with a reason, or reject. */
	@Transactional
	public void reviewInDistrict(CurrentUser user, long id, long version, ReviewDecision decision, String reason) {
		NominationView n = nomination(user, id);
		AwardPermissions.require(permissions.mayReviewInDistrict(user, n.quotaOrganizationId(), n.nominatedBy()),
				"district review");
		Texts.requireField(decision, "decision");
		CampaignView campaign = campaigns.load(n.campaignId());
		if (n.status() != NominationStatus.SUBMITTED || (campaign.status() != CampaignStatus.NOMINATING
				&& campaign.status() != CampaignStatus.DISTRICT_REVIEW)) {
			throw new RuleViolationException(null, "award.error.notUnderReview");
		}
		if (decision == ReviewDecision.APPROVE) {
			QuotaRow quota = campaigns.quotas(n.campaignId()).stream()
				.filter(q -> q.organizationId() == n.quotaOrganizationId()).findFirst().orElseThrow();
			campaigns.lockQuota(quota.id());
			int approved = mixOf(n.campaignId(), n.quotaOrganizationId(), java.util.EnumSet.of(
					NominationStatus.DISTRICT_APPROVED, NominationStatus.PANEL_APPROVED, NominationStatus.ON_NOTICE,
					NominationStatus.CONFERRED)).total();
			if (approved + 1 > quota.quota()) {
				throw new RuleViolationException(null, "award.error.overQuota", quota.quota(), approved);
			}
			nominations.move(n, version, NominationStatus.DISTRICT_APPROVED, user.username(), "DISTRICT_APPROVED",
					Texts.optional(reason, "reason", 500), "district_reviewer = :extra", user.username());
			return;
		}
		String why = Texts.required(reason, "reason", 500);
		NominationStatus to = decision == ReviewDecision.RETURN ? NominationStatus.RETURNED : NominationStatus.REJECTED;
		nominations.move(n, version, to, user.username(), "DISTRICT_" + to, why, "return_reason = :extra", why);
	}

	// ---- the municipal review panel ----------------------------------------------------------------

	/** A panel member votes on a nomination approved by its district; one vote each. */
	@Transactional
	public void vote(CurrentUser user, long id, boolean inFavour) {
		NominationView n = nomination(user, id);
		CampaignView campaign = campaigns.load(n.campaignId());
		AwardPermissions.require(permissions.mayVote(user, campaign.organizationId(), n.nominatedBy(),
				n.districtReviewer()), "panel");
		if (campaign.status() != CampaignStatus.PANEL_REVIEW || n.status() != NominationStatus.DISTRICT_APPROVED) {
			throw new RuleViolationException(null, "award.error.notUnderReview");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM panel_vote WHERE nomination_id = :n AND voter = :v").param("n", id)
			.param("v", user.username()).query(Long.class).single() > 0) {
			throw new RuleViolationException(null, "award.error.alreadyVoted");
		}
		try {
			jdbc.sql("INSERT INTO panel_vote (nomination_id, voter, in_favour, voted_at) VALUES (:n, :v, :f, :at)")
				.param("n", id).param("v", user.username()).param("f", inFavour)
				.param("at", Timestamp.from(clock.instant())).update();
		}
		catch (DuplicateKeyException twice) {
			throw new RuleViolationException(null, "award.error.alreadyVoted");
		}
		jdbc.sql("""
				UPDATE nomination SET
				  votes_for = (SELECT COUNT(*) FROM panel_vote v WHERE v.nomination_id = :n AND v.in_favour = TRUE),
				  votes_against = (SELECT COUNT(*) FROM panel_vote v WHERE v.nomination_id = :n AND v.in_favour = FALSE)
				WHERE id = :n
				""").param("n", id).update();
		nominations.step(n, user.username(), inFavour ? "VOTED_FOR" : "VOTED_AGAINST", null);
	}
}
