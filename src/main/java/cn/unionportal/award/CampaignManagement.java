package cn.unionportal.award;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.award.AwardRules.Rule;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selection campaigns, the write side (Campaigns is the read side): opening one (quotas allocated to
 * the organizations directly below the owner in proportion to their active members, default
 * structure constraints), adjusting quotas and constraints, and moving the phases.
 */
@Service
@Transactional(readOnly = true)
public class CampaignManagement {

	static final String SUBJECT = "AWARD_CAMPAIGN";

	/** The structure constraints a new campaign starts with (the example). */
	static final List<Rule> DEFAULT_RULES = List.of(new Rule(Criterion.FRONT_LINE, Bound.AT_LEAST, 50),
			new Rule(Criterion.ENTERPRISE_HEAD, Bound.AT_MOST, 15), new Rule(Criterion.WOMEN, Bound.AT_LEAST, 20),
			new Rule(Criterion.MIGRANT, Bound.AT_LEAST, 10));


	private final JdbcClient jdbc;

	private final HonourCatalogue catalogue;

	private final Campaigns campaigns;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	CampaignManagement(JdbcClient jdbc, HonourCatalogue catalogue, Campaigns campaigns, AwardPermissions permissions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- changes -----------------------------------------------------------------------------------

	/** Opens a campaign owned by the user's organization, with quotas by active members. */
	@Transactional
	public long open(CurrentUser user, CampaignData data) {
		AwardPermissions.require(permissions.mayOpenCampaign(user), "campaign");
		HonourKindView kind = catalogue.kind(Texts.requireField(data.kindId(), "kindId"));
		int year = Texts.requireField(data.year(), "year");
		int thisYear = LocalDate.now(clock).getYear();
		if (year < thisYear - 10 || year > thisYear + 1) {
			throw new RuleViolationException("year", "award.error.range", thisYear - 10, thisYear + 1);
		}
		String title = Texts.required(data.title(), "title", 200);
		int total = Texts.requireField(data.totalQuota(), "totalQuota");
		if (total < 1 || total > 10_000) {
			throw new RuleViolationException("totalQuota", "award.error.range", 1, 10_000);
		}
		LocalDate until = Texts.requireField(data.nominationsUntil(), "nominationsUntil");
		LocalDate review = Texts.requireField(data.reviewUntil(), "reviewUntil");
		if (review.isBefore(until)) {
			throw new RuleViolationException("reviewUntil", "award.error.reviewBeforeNominations");
		}
		int noticeDays = data.noticeDays() == null ? 5 : data.noticeDays();
		if (noticeDays < 1 || noticeDays > 60) {
			throw new RuleViolationException("noticeDays", "award.error.range", 1, 60);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO award_campaign (kind_id, campaign_year, title, organization_id, total_quota, status,
					  nominations_until, review_until, notice_days, created_by, created_at)
					VALUES (:kind, :year, :title, :org, :total, 'NOMINATING', :until, :review, :notice, :by, :at)
					""").param("kind", kind.id()).param("year", year).param("title", title)
				.param("org", user.organizationId()).param("total", total).param("until", Date.valueOf(until))
				.param("review", Date.valueOf(review)).param("notice", noticeDays).param("by", user.username())
				.param("at", Timestamp.from(clock.instant())).update(keys, "id");
		}
		catch (DuplicateKeyException exists) {
			throw new RuleViolationException("kindId", "award.error.campaignExists");
		}
		long id = keys.getKey().longValue();
		Map<Long, Long> basis = campaigns.allocationBasis(user);
		AwardRules.allocate(total, basis).forEach((org, quota) -> jdbc.sql(
				"INSERT INTO campaign_quota (campaign_id, organization_id, quota, basis) VALUES (:c, :org, :q, :b)")
			.param("c", id).param("org", org).param("q", quota).param("b", basis.get(org)).update());
		DEFAULT_RULES.forEach(r -> insertRule(id, r));
		audit.record(user.username(), "AWARD_CAMPAIGN_OPENED", SUBJECT, id, user.organizationId(),
				kind.code() + " " + year + ": " + title + ", quota " + total);
		return id;
	}

	private void insertRule(long campaignId, Rule rule) {
		jdbc.sql("INSERT INTO campaign_constraint (campaign_id, criterion, bound, percent) VALUES (:c, :cr, :b, :p)")
			.param("c", campaignId).param("cr", rule.criterion().name()).param("b", rule.bound().name())
			.param("p", rule.percent()).update();
	}

	/** The owner adjusts one organization's quota; the sum may not exceed the total. */
	@Transactional
	public void adjustQuota(CurrentUser user, long campaignId, long quotaId, long version, Integer quota) {
		CampaignView campaign = campaigns.runnable(user, campaignId);
		int value = Texts.requireField(quota, "quota");
		if (value < 0) {
			throw new RuleViolationException("quota", "award.error.range", 0, campaign.totalQuota());
		}
		List<Campaigns.QuotaRow> rows = campaigns.quotas(campaignId);
		Campaigns.QuotaRow row = rows.stream().filter(q -> q.id() == quotaId).findFirst()
			.orElseThrow(() -> new NotFoundException("quota", quotaId));
		int others = rows.stream().filter(q -> q.id() != quotaId).mapToInt(Campaigns.QuotaRow::quota).sum();
		if (others + value > campaign.totalQuota()) {
			throw new RuleViolationException("quota", "award.error.quotaSum", campaign.totalQuota(), others + value);
		}
		int used = jdbc.sql("SELECT COUNT(*) FROM nomination WHERE campaign_id = :c AND quota_organization_id = :o"
				+ " AND status IN ('SUBMITTED', 'DISTRICT_APPROVED', 'PANEL_APPROVED', 'ON_NOTICE', 'CONFERRED')")
			.param("c", campaignId).param("o", row.organizationId()).query(Integer.class).single();
		if (value < used) {
			throw new RuleViolationException("quota", "award.error.quotaBelowUsed", used);
		}
		if (jdbc.sql("UPDATE campaign_quota SET quota = :q, version = version + 1 WHERE id = :id AND version = :v")
			.param("q", value).param("id", quotaId).param("v", version).update() == 0) {
			throw new ConflictException("quota " + quotaId + " changed meanwhile");
		}
		audit.record(user.username(), "AWARD_QUOTA_ADJUSTED", SUBJECT, campaignId, row.organizationId(),
				"quota " + row.quota() + " → " + value);
	}

	/** The owner sets the structure constraints (percent; empty removes one). */
	@Transactional
	public void changeRules(CurrentUser user, long campaignId, long version, Map<String, Integer> percents) {
		campaigns.runnable(user, campaignId);
		List<Rule> rules = new ArrayList<>();
		for (Rule template : DEFAULT_RULES) {
			Integer p = percents.get(template.criterion() + "_" + template.bound());
			if (p != null) {
				if (p < 0 || p > 100) {
					throw new RuleViolationException(template.criterion() + "_" + template.bound(), "award.error.range", 0, 100);
				}
				rules.add(new Rule(template.criterion(), template.bound(), p));
			}
		}
		bump(campaignId, version);
		jdbc.sql("DELETE FROM campaign_constraint WHERE campaign_id = :c").param("c", campaignId).update();
		rules.forEach(r -> insertRule(campaignId, r));
		audit.record(user.username(), "AWARD_CONSTRAINTS_CHANGED", SUBJECT, campaignId, user.organizationId(),
				rules.toString());
	}

	/** Moves the campaign to the next phase (nominating → district review → panel review). */
	@Transactional
	public void advance(CurrentUser user, long campaignId, long version, CampaignStatus expected) {
		CampaignView campaign = campaigns.runnable(user, campaignId);
		if (campaign.status() != expected || expected.next() == CampaignStatus.NOTICE
				|| expected == CampaignStatus.NOTICE || expected == CampaignStatus.CONFERRED) {
			throw new RuleViolationException(null, "award.error.phase");
		}
		setStatus(campaignId, version, expected.next());
		audit.record(user.username(), "AWARD_CAMPAIGN_" + expected.next(), SUBJECT, campaignId, user.organizationId(),
				expected + " → " + expected.next());
	}

	void setStatus(long campaignId, long version, CampaignStatus status) {
		if (jdbc.sql("UPDATE award_campaign SET status = :s, version = version + 1 WHERE id = :id AND version = :v")
			.param("s", status.name()).param("id", campaignId).param("v", version).update() == 0) {
			throw new ConflictException("campaign " + campaignId + " changed meanwhile");
		}
	}

	void bump(long campaignId, long version) {
		if (jdbc.sql("UPDATE award_campaign SET version = version + 1 WHERE id = :id AND version = :v")
			.param("id", campaignId).param("v", version).update() == 0) {
			throw new ConflictException("campaign " + campaignId + " changed meanwhile");
		}
	}
}
