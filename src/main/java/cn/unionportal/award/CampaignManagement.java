package cn.unionportal.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.award.AwardRules.Mix;
import cn.unionportal.award.AwardRules.Rule;
import cn.unionportal.award.CampaignFigures.ConstraintFigure;
import cn.unionportal.award.CampaignFigures.Line;
import cn.unionportal.award.CampaignFigures.QuotaLine;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selection campaigns: opening one (quotas allocated to the organizations directly below the
 * owner in proportion to their active members, default structure constraints), adjusting quotas
 * and constraints, and the live figures. A campaign is visible to staff of the owner's subtree and
 * to staff above it; quota lines only for organizations of the reader's scope or above the reader.
 */
@Service
@Transactional(readOnly = true)
public class CampaignManagement {

	static final String SUBJECT = "AWARD_CAMPAIGN";

	/** The structure constraints a new campaign starts with (the example). */
	static final List<Rule> DEFAULT_RULES = List.of(new Rule(Criterion.FRONT_LINE, Bound.AT_LEAST, 50),
			new Rule(Criterion.ENTERPRISE_HEAD, Bound.AT_MOST, 15), new Rule(Criterion.WOMEN, Bound.AT_LEAST, 20),
			new Rule(Criterion.MIGRANT, Bound.AT_LEAST, 10));

	private static final String COLUMNS = """
			c.id, c.kind_id, k.name AS kind_name, k.name_en AS kind_name_en, k.recipient, c.campaign_year, c.title,
			c.organization_id, c.total_quota, c.status, c.nominations_until, c.review_until, c.notice_days, c.notice_from,
			c.notice_until, c.decision_number, c.conferred_on, c.version
			FROM award_campaign c JOIN honour_kind k ON k.id = c.kind_id
			""";

	private final JdbcClient jdbc;

	private final HonourCatalogue catalogue;

	private final OrganizationManagement organizations;

	private final MemberManagement members;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	CampaignManagement(JdbcClient jdbc, HonourCatalogue catalogue, OrganizationManagement organizations,
			MemberManagement members, Scopes scopes, AwardPermissions permissions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.organizations = organizations;
		this.members = members;
		this.scopes = scopes;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reads -------------------------------------------------------------------------------------

	/** Campaigns the user may see, newest first. */
	public List<CampaignView> campaigns(CurrentUser user) {
		List<CampaignView> all = jdbc.sql("SELECT " + COLUMNS + " ORDER BY c.campaign_year DESC, c.id DESC")
			.query(this::map).list();
		return all.stream().filter(c -> visible(user, c.organizationId())).toList();
	}

	/** One campaign (404 when the user may not see it). */
	public CampaignView campaign(CurrentUser user, long id) {
		CampaignView campaign = load(id);
		if (!visible(user, campaign.organizationId())) {
			throw new NotFoundException("campaign", id);
		}
		return campaign;
	}

	CampaignView load(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE c.id = :id").param("id", id).query(this::map).optional()
			.orElseThrow(() -> new NotFoundException("campaign", id));
	}

	/** Campaigns that show on the public notice page today. */
	List<CampaignView> onNotice(LocalDate today) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " WHERE c.status = 'NOTICE' AND c.notice_from <= :today AND c.notice_until >= :today ORDER BY c.id")
			.param("today", Date.valueOf(today)).query(this::map).list();
	}

	private boolean visible(CurrentUser user, long ownerId) {
		return scopes.of(user).contains(ownerId) || organizations.isWithin(ownerId, user.organizationId());
	}

	public List<Rule> rules(long campaignId) {
		return jdbc.sql("SELECT criterion, bound, percent FROM campaign_constraint WHERE campaign_id = :c ORDER BY id")
			.param("c", campaignId)
			.query((rs, i) -> new Rule(Criterion.valueOf(rs.getString(1)), Bound.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	/** The public view of the rules, for the form that edits them. */
	public Map<String, Integer> ruleValues(long campaignId) {
		Map<String, Integer> values = new HashMap<>();
		rules(campaignId).forEach(r -> values.put(r.criterion() + "_" + r.bound(), r.percent()));
		return values;
	}

	/** Live quota and constraint figures: one grouped query over the campaign's nominations. */
	public CampaignFigures figures(CurrentUser user, long campaignId) {
		CampaignView campaign = campaign(user, campaignId);
		List<Rule> rules = rules(campaignId);
		Map<Long, Mix> mixes = new HashMap<>();
		Map<Long, Integer> approved = new HashMap<>();
		jdbc.sql("""
				SELECT quota_organization_id, category, woman, migrant, status, COUNT(*) AS n FROM nomination
				WHERE campaign_id = :c AND status IN ('SUBMITTED', 'DISTRICT_APPROVED', 'PANEL_APPROVED', 'ON_NOTICE', 'CONFERRED')
				GROUP BY quota_organization_id, category, woman, migrant, status
				""").param("c", campaignId).query(rs -> {
			long org = rs.getLong(1);
			NomineeCategory category = NomineeCategory.valueOf(rs.getString(2));
			int n = rs.getInt(6);
			Mix mix = mixes.getOrDefault(org, Mix.EMPTY);
			for (int i = 0; i < n; i++) {
				mix = mix.plus(category, rs.getBoolean(3), rs.getBoolean(4));
			}
			mixes.put(org, mix);
			if (!"SUBMITTED".equals(rs.getString(5))) {
				approved.merge(org, n, Integer::sum);
			}
		});
		Scope scope = scopes.of(user);
		List<QuotaLine> lines = new ArrayList<>();
		List<QuotaRow> quotas = quotas(campaignId);
		Map<Long, String> names = scope.names(quotas.stream().map(QuotaRow::organizationId).toList());
		Mix total = Mix.EMPTY;
		int totalApproved = 0;
		for (QuotaRow q : quotas) {
			Mix mix = mixes.getOrDefault(q.organizationId(), Mix.EMPTY);
			total = sum(total, mix);
			totalApproved += approved.getOrDefault(q.organizationId(), 0);
			if (scope.contains(q.organizationId()) || organizations.isWithin(q.organizationId(), user.organizationId())) {
				lines.add(new QuotaLine(q.id(), q.organizationId(), names.get(q.organizationId()), q.quota(), q.basis(),
						q.version(), line(rules, mix, q.quota(), approved.getOrDefault(q.organizationId(), 0))));
			}
		}
		return new CampaignFigures(lines, line(rules, total, campaign.totalQuota(), totalApproved));
	}

	private static Line line(List<Rule> rules, Mix mix, int quota, int approved) {
		return new Line(quota, mix.total(), approved,
				AwardRules.judge(rules, mix, quota).stream().map(ConstraintFigure::of).toList());
	}

	private static Mix sum(Mix a, Mix b) {
		return new Mix(a.total() + b.total(), a.frontLine() + b.frontLine(), a.enterpriseHeads() + b.enterpriseHeads(),
				a.women() + b.women(), a.migrants() + b.migrants());
	}

	record QuotaRow(long id, long organizationId, int quota, long basis, long version) {
	}

	List<QuotaRow> quotas(long campaignId) {
		return jdbc.sql("SELECT id, organization_id, quota, basis, version FROM campaign_quota WHERE campaign_id = :c ORDER BY basis DESC, id")
			.param("c", campaignId)
			.query((rs, i) -> new QuotaRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/** The quota row whose organization contains {@code organizationId}, or a rule violation. */
	QuotaRow quotaFor(long campaignId, long organizationId) {
		return quotas(campaignId).stream()
			.filter(q -> q.organizationId() == organizationId || organizations.isWithin(q.organizationId(), organizationId))
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("organizationId", "award.error.noQuota"));
	}

	/** Locks the quota row for the rest of the transaction (quota checks of concurrent submissions queue). */
	void lockQuota(long quotaId) {
		jdbc.sql("SELECT id FROM campaign_quota WHERE id = :id FOR UPDATE").param("id", quotaId).query(Long.class).single();
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
		List<Long> below = organizations.children(user, user.organizationId(), PageRequest.of(0, 500))
			.getContent().stream().map(OrganizationSummary::id).toList();
		Map<Long, Long> basis = members.activeMembersUnder(below);
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
		CampaignView campaign = runnable(user, campaignId);
		int value = Texts.requireField(quota, "quota");
		if (value < 0) {
			throw new RuleViolationException("quota", "award.error.range", 0, campaign.totalQuota());
		}
		List<QuotaRow> rows = quotas(campaignId);
		QuotaRow row = rows.stream().filter(q -> q.id() == quotaId).findFirst()
			.orElseThrow(() -> new NotFoundException("quota", quotaId));
		int others = rows.stream().filter(q -> q.id() != quotaId).mapToInt(QuotaRow::quota).sum();
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
		runnable(user, campaignId);
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
		CampaignView campaign = runnable(user, campaignId);
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

	/** The campaign, for its owner's administrators (404 if not visible, 403 otherwise). */
	CampaignView runnable(CurrentUser user, long campaignId) {
		CampaignView campaign = campaign(user, campaignId);
		AwardPermissions.require(permissions.mayRunCampaign(user, campaign.organizationId()), "campaign");
		return campaign;
	}

	private CampaignView map(ResultSet rs, int row) throws SQLException {
		long org = rs.getLong("organization_id");
		return new CampaignView(rs.getLong("id"), rs.getLong("kind_id"), rs.getString("kind_name"),
				rs.getString("kind_name_en"), "COLLECTIVE".equals(rs.getString("recipient")), rs.getInt("campaign_year"),
				rs.getString("title"), org, organizations.namesOf(List.of(org)).get(org), rs.getInt("total_quota"),
				CampaignStatus.valueOf(rs.getString("status")), date(rs, "nominations_until"), date(rs, "review_until"),
				rs.getInt("notice_days"), date(rs, "notice_from"), date(rs, "notice_until"),
				rs.getString("decision_number"), date(rs, "conferred_on"), rs.getLong("version"));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
