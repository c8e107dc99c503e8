package cn.unionportal.award;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.certificate.CertificateCodes;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a campaign, write side: the panel's result starts the public notice (公示), staff
 * resolve objections, and conferral (授予) with the decision number writes the honours to the
 * register. The notice itself is read through {@link PublicNotice}, objections are taken by
 * {@link NoticeObjections} and listed by {@link NominationSearch}.
 */
@Service
@Transactional(readOnly = true)
public class NoticeAndConferral {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final Campaigns campaigns;

	private final NominationSearch nominationSearch;

	private final HonourRecording recording;

	private final AwardPermissions permissions;

	private final Clock clock;

	NoticeAndConferral(JdbcClient jdbc, Nominations nominations, Campaigns campaigns,
			NominationSearch nominationSearch, HonourRecording recording, AwardPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.nominationSearch = nominationSearch;
		this.recording = recording;
		this.permissions = permissions;
		this.clock = clock;
	}

	/**
	 * Closes the panel review: a nomination with more votes for than against goes on public notice,
	 * the others are rejected by the panel. The notice runs from today for the campaign's days.
	 */
	@Transactional
	public void startNotice(CurrentUser user, long campaignId, long version) {
		CampaignView campaign = campaigns.runnable(user, campaignId);
		if (campaign.status() != CampaignStatus.PANEL_REVIEW) {
			throw new RuleViolationException(null, "award.error.phase");
		}
		LocalDate today = LocalDate.now(clock);
		if (jdbc.sql("""
				UPDATE award_campaign SET status = 'NOTICE', notice_from = :from, notice_until = :until,
				  version = version + 1 WHERE id = :id AND version = :v
				""").param("from", Date.valueOf(today)).param("until", Date.valueOf(today.plusDays(campaign.noticeDays() - 1)))
			.param("id", campaignId).param("v", version).update() == 0) {
			throw new ConflictException("campaign " + campaignId + " changed meanwhile");
		}
		List<NominationView> approved = jdbc.sql("SELECT " + Nominations.COLUMNS
				+ " FROM nomination n WHERE n.campaign_id = :c AND n.status = 'DISTRICT_APPROVED'")
			.param("c", campaignId).query(Nominations::map).list();
		for (NominationView n : approved) {
			String result = n.votesFor() + ":" + n.votesAgainst();
			if (n.votesFor() > n.votesAgainst()) {
				nominations.move(n, n.version(), NominationStatus.ON_NOTICE, user.username(), "PANEL_APPROVED", result,
						null, null);
			}
			else {
				nominations.move(n, n.version(), NominationStatus.PANEL_REJECTED, user.username(), "PANEL_REJECTED",
						result, null, null);
			}
		}
	}

	// ---- objections ------------------------------------------------------------------------------

	/** Dismisses or upholds an objection; an upheld one withdraws the nomination. */
	@Transactional
	public void resolve(CurrentUser user, long objectionId, long version, boolean upheld, String resolution) {
		Long nominationId = jdbc.sql("SELECT nomination_id FROM nomination_objection WHERE id = :id")
			.param("id", objectionId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("objection", objectionId));
		NominationView n = nominationSearch.nomination(user, nominationId);
		CampaignView campaign = campaigns.load(n.campaignId());
		AwardPermissions.require(permissions.mayResolveObjections(user, campaign.organizationId()), "objections");
		String text = Texts.required(resolution, "resolution", 500);
		if (jdbc.sql("""
				UPDATE nomination_objection SET status = :s, resolution = :r, resolved_by = :by, resolved_at = :at,
				  version = version + 1 WHERE id = :id AND version = :v AND status = 'OPEN'
				""").param("s", upheld ? "UPHELD" : "DISMISSED").param("r", text).param("by", user.username())
			.param("at", Timestamp.from(clock.instant())).param("id", objectionId).param("v", version)
			.update() == 0) {
			throw new ConflictException("objection " + objectionId + " changed meanwhile");
		}
		if (upheld && n.status() == NominationStatus.ON_NOTICE) {
			nominations.move(n, n.version(), NominationStatus.WITHDRAWN, user.username(), "OBJECTION_UPHELD", text,
					null, null);
		}
		else {
			nominations.step(n, user.username(), upheld ? "OBJECTION_UPHELD" : "OBJECTION_DISMISSED", text);
		}
	}

	// ---- conferral ---------------------------------------------------------------------------------

	/**
	 * The campaign owner confers, after the notice has ended and every objection is resolved: each
	 * candidate on notice gets the honour (register, certificate code, entitlements).
	 */
	@Transactional
	public int confer(CurrentUser user, long campaignId, long version, String decisionNumber, LocalDate conferredOn) {
		CampaignView campaign = campaigns.runnable(user, campaignId);
		if (campaign.status() != CampaignStatus.NOTICE) {
			throw new RuleViolationException(null, "award.error.phase");
		}
		LocalDate today = LocalDate.now(clock);
		if (!today.isAfter(campaign.noticeUntil())) {
			throw new RuleViolationException(null, "award.error.noticeRunning", campaign.noticeUntil());
		}
		long open = jdbc.sql("""
				SELECT COUNT(*) FROM nomination_objection o JOIN nomination n ON n.id = o.nomination_id
				WHERE n.campaign_id = :c AND o.status = 'OPEN'
				""").param("c", campaignId).query(Long.class).single();
		if (open > 0) {
			throw new RuleViolationException(null, "award.error.openObjections", open);
		}
		String decision = Texts.required(decisionNumber, "decisionNumber", 100);
		Texts.requireField(conferredOn, "conferredOn");
		if (conferredOn.isAfter(today) || conferredOn.isBefore(campaign.noticeUntil())) {
			throw new RuleViolationException("conferredOn", "award.error.conferralDate");
		}
		if (jdbc.sql("""
				UPDATE award_campaign SET status = 'CONFERRED', decision_number = :d, conferred_on = :on,
				  version = version + 1 WHERE id = :id AND version = :v
				""").param("d", decision).param("on", Date.valueOf(conferredOn)).param("id", campaignId)
			.param("v", version).update() == 0) {
			throw new ConflictException("campaign " + campaignId + " changed meanwhile");
		}
		List<NominationView> candidates = jdbc.sql("SELECT " + Nominations.COLUMNS
				+ " FROM nomination n WHERE n.campaign_id = :c AND n.status = 'ON_NOTICE' ORDER BY n.id")
			.param("c", campaignId).query(Nominations::map).list();
		for (NominationView n : candidates) {
			nominations.move(n, n.version(), NominationStatus.CONFERRED, user.username(), "CONFERRED", decision, null,
					null);
			long holderOrg = n.memberId() != null ? n.organizationId() : n.nomineeOrganizationId();
			recording.record(new HonourEntry(campaign.kindId(), n.memberId(), holderOrg, n.nomineeName(), campaign.year(),
					conferredOn, HonourSource.CAMPAIGN, campaignId, n.id(), decision, CertificateCodes.newCode()),
					user.username());
		}
		return candidates.size();
	}

}
