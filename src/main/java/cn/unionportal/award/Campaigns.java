package cn.unionportal.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of selection campaigns (CampaignManagement is the write side): the campaigns a
 * user may see, their structure constraints, quota rows and the live quota and constraint
 * figures. A campaign is visible to staff of the owner's subtree and to staff above it; quota
 * lines only for organizations of the reader's scope or above the reader.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

	private static final String COLUMNS = """
			c.id, c.kind_id, k.name AS kind_name, k.name_en AS kind_name_en, k.recipient, c.campaign_year, c.title,
			c.organization_id, c.total_quota, c.status, c.nominations_until, c.review_until, c.notice_days, c.notice_from,
			c.notice_until, c.decision_number, c.conferred_on, c.version
			FROM award_campaign c JOIN honour_kind k ON k.id = c.kind_id
			""";

	private final JdbcClient jdbc;

	private final OrganizationManagement organizations;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final MemberManagement members;

	Campaigns(JdbcClient jdbc, OrganizationManagement organizations, Scopes scopes, AwardPermissions permissions,
			MemberManagement members) {
		this.members = members;
		this.permissions = permissions;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.scopes = scopes;
	}

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
		return figures(user, campaign(user, campaignId));
	}

	/** The figures of a campaign the user may see, as {@link #campaign} returned it (no second load). */
	public CampaignFigures figures(CurrentUser user, CampaignView campaign) {
		long campaignId = campaign.id();
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
		// the lines of the reader's scope and the line above the reader, in one query
		java.util.Set<Long> shown = new java.util.HashSet<>(jdbc.sql("SELECT q.organization_id FROM campaign_quota q"
				+ " WHERE q.campaign_id = :c AND (q.organization_id" + Scope.SUBTREE + "OR q.organization_id" + Scope.ABOVE + ")")
			.param("c", campaignId).param(Scope.PARAMETER, scope.rootId()).query(Long.class).list());
		Map<Long, String> names = scope.names(quotas.stream().map(QuotaRow::organizationId).toList());
		Mix total = Mix.EMPTY;
		int totalApproved = 0;
		for (QuotaRow q : quotas) {
			Mix mix = mixes.getOrDefault(q.organizationId(), Mix.EMPTY);
			total = sum(total, mix);
			totalApproved += approved.getOrDefault(q.organizationId(), 0);
			if (shown.contains(q.organizationId())) {
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

	/**
	 * The basis of a new campaign's quotas: the active members under each organization directly
	 * below the user's (the districts for a municipal campaign).
	 */
	Map<Long, Long> allocationBasis(CurrentUser user) {
		List<Long> below = organizations.children(user, user.organizationId(), PageRequest.of(0, 500))
			.getContent().stream().map(OrganizationSummary::id).toList();
		return members.activeMembersUnder(below);
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
