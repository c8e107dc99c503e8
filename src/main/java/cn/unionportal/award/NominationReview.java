package cn.unionportal.award;

import java.sql.Timestamp;
import java.time.Clock;

import cn.unionportal.award.Campaigns.QuotaRow;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review rounds of a nomination (write side): the district federation reviews within its
 * quota (approve, return with a reason, reject), the municipal panel votes, each member
 * separately, with the result computed. Four-eyes: whoever nominated cannot approve at the next
 * level, nor the district reviewer vote ({@link AwardPermissions}).
 */
@Service
@Transactional(readOnly = true)
public class NominationReview {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final Campaigns campaigns;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final Clock clock;

	NominationReview(JdbcClient jdbc, Nominations nominations, Campaigns campaigns, Scopes scopes,
			AwardPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.permissions = permissions;
		this.clock = clock;
	}

	// ---- the district federation -------------------------------------------------------------------

	/** The district reviews: approve within its quota, return with a reason, or reject. */
	@Transactional
	public void reviewInDistrict(CurrentUser user, long id, long version, ReviewDecision decision, String reason) {
		NominationView n = nominations.visible(scopes.of(user), id);
		AwardPermissions.require(permissions.mayReviewInDistrict(user, id),
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
			int approved = nominations.mixOf(n.campaignId(), n.quotaOrganizationId(), java.util.EnumSet.of(
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
		NominationView n = nominations.visible(scopes.of(user), id);
		CampaignView campaign = campaigns.load(n.campaignId());
		AwardPermissions.require(permissions.mayVote(user, id), "panel");
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
