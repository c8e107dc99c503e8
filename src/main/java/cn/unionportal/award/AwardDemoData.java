package cn.unionportal.award;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo awards, through the module's own services and tied to the demo members: last year's
 * 威海市劳动模范 campaign completed through conferral (honours, certificates, entitlements), this
 * year's 威海工匠 campaign at district review with quotas and structure figures, and three
 * innovation studios led by the new model workers. Each step is done by a different demo actor so
 * the four-eyes rules hold. Runs once (skipped when any campaign exists).
 */
@Component
@Conditional(AwardDemoData.Enabled.class)
@Order(30)
class AwardDemoData implements StartupTask {

	private static final Logger LOG = LoggerFactory.getLogger(AwardDemoData.class);

	static final byte[] DEEDS_PDF = "%PDF-1.4\n% demo deeds\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final CampaignManagement campaigns;

	private final NominationManagement nominations;

	private final NominationReview review;

	private final NominationFiles files;

	private final NoticeAndConferral conferral;

	private final InnovationStudios studios;

	private final HonourCatalogue catalogue;

	private final HonourRecording recording;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final JdbcClient jdbc;

	private final Clock clock;

	AwardDemoData(CampaignManagement campaigns, NominationManagement nominations, NominationReview review, NominationFiles files,
			NoticeAndConferral conferral, InnovationStudios studios, HonourCatalogue catalogue, HonourRecording recording,
			MemberManagement members, OrganizationManagement organizations, JdbcClient jdbc, Clock clock) {
		this.campaigns = campaigns;
		this.nominations = nominations;
		this.review = review;
		this.files = files;
		this.conferral = conferral;
		this.studios = studios;
		this.catalogue = catalogue;
		this.recording = recording;
		this.members = members;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A nominee: the member, the union that nominates and the district whose quota it uses. */
	private record Pick(long memberId, long unionId, long districtId) {
	}

	@Override
	public void runAtStartup() {
		if (jdbc.sql("SELECT COUNT(*) FROM award_campaign").query(Long.class).single() > 0) {
			return;
		}
		long root = organizations.rootId();
		CurrentUser owner = CurrentUser.system(root);
		List<OrganizationSummary> districts = organizations.children(owner, root, PageRequest.of(0, 50)).getContent();
		if (districts.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		List<Pick> picks = picks(owner, districts);
		List<Long> conferred = lastYearsModelWorkers(owner, today, picks.subList(0, Math.min(6, picks.size())));
		int craftsmen = thisYearsCraftsmen(owner, today, picks.subList(Math.min(6, picks.size()), picks.size()));
		int studioCount = 0;
		for (int i = 0; i < Math.min(3, conferred.size()); i++) {
			long member = conferred.get(i);
			long org = members.briefs(List.of(member)).get(member).organizationId();
			String leader = members.briefs(List.of(member)).get(member).name();
			studios.create(owner, org, member, leader + "劳模创新工作室", i == 0 ? HonourLevel.PROVINCIAL : HonourLevel.MUNICIPAL,
					today.getYear() - 1, List.of("智能制造", "海洋食品加工", "设备维修").get(i));
			studioCount++;
		}
		if (!conferred.isEmpty()) {
			workersPioneer(owner, today, members.briefs(List.of(conferred.get(0))).get(conferred.get(0)).organizationId());
		}
		LOG.info("Loaded demo awards: {} model workers conferred last year, {} craftsman nominations this year, {} studios",
				conferred.size(), craftsmen, studioCount);
	}

	/** Last year's 工人先锋号 (a collective honour) for the union of the first model worker's studio. */
	private void workersPioneer(CurrentUser owner, LocalDate today, long organizationId) {
		HonourKindView kind = catalogue.byCode("WORKER_PIONEER").orElseThrow();
		int year = today.getYear() - 1;
		recording.record(new HonourEntry(kind.id(), null, organizationId, organizations.get(owner, organizationId).name(),
				year, LocalDate.of(year, 4, 28), HonourSource.MANUAL, null, null, "威工发〔" + year + "〕9号", null),
				owner.username());
	}

	/** Two active members of the first grassroots unions of each district. */
	private List<Pick> picks(CurrentUser owner, List<OrganizationSummary> districts) {
		List<Pick> picks = new ArrayList<>();
		for (OrganizationSummary district : districts) {
			List<MemberSummary> found = members.search(owner,
					new MemberQuery(null, district.id(), null, MemberStatus.ACTIVE, MemberQuery.Sort.CARD_NUMBER),
					PageRequest.of(0, 2)).getContent();
			found.forEach(m -> picks.add(new Pick(m.id(), m.organizationId(), district.id())));
		}
		return picks;
	}

	private static CurrentUser actor(String name, long organization) {
		return new CurrentUser(0, name, organization, Set.of(StaffRole.STAFF));
	}

	private List<Long> lastYearsModelWorkers(CurrentUser owner, LocalDate today, List<Pick> picks) {
		long kind = catalogue.byCode("WEIHAI_MODEL_WORKER").orElseThrow().id();
		long id = campaigns.open(owner, new CampaignData(kind, today.getYear() - 1,
				(today.getYear() - 1) + " 年度威海市劳动模范评选", 20, today, today, 5));
		campaigns.changeRules(owner, id, version(id), java.util.Map.of("FRONT_LINE_AT_LEAST", 50, "ENTERPRISE_HEAD_AT_MOST", 15));
		List<Long> nominated = new ArrayList<>();
		for (Pick pick : picks) {
			Long n = nominateAndSubmit(id, pick, NomineeCategory.FRONT_LINE);
			if (n != null) {
				review.reviewInDistrict(actor("demo-district", pick.districtId()), n, nominationVersion(n),
						ReviewDecision.APPROVE, "同意推荐");
				nominated.add(n);
			}
		}
		campaigns.advance(owner, id, version(id), CampaignStatus.NOMINATING);
		campaigns.advance(owner, id, version(id), CampaignStatus.DISTRICT_REVIEW);
		for (long n : nominated) {
			review.vote(actor("demo-panel-1", owner.organizationId()), n, true);
			review.vote(actor("demo-panel-2", owner.organizationId()), n, true);
		}
		conferral.startNotice(owner, id, version(id));
		jdbc.sql("UPDATE award_campaign SET notice_from = :from, notice_until = :until WHERE id = :id")
			.param("from", Date.valueOf(today.minusDays(6))).param("until", Date.valueOf(today.minusDays(1)))
			.param("id", id).update();
		conferral.confer(owner, id, version(id), "威工发〔" + (today.getYear() - 1) + "〕12号", today);
		// the campaign ran last year: move its dates there (the honours keep their year)
		LocalDate conferredOn = LocalDate.of(today.getYear() - 1, 4, 28);
		jdbc.sql("""
				UPDATE award_campaign SET nominations_until = :until, review_until = :review, notice_from = :from,
				  notice_until = :noticeUntil, conferred_on = :on WHERE id = :id
				""").param("until", Date.valueOf(conferredOn.minusDays(40))).param("review", Date.valueOf(conferredOn.minusDays(20)))
			.param("from", Date.valueOf(conferredOn.minusDays(12))).param("noticeUntil", Date.valueOf(conferredOn.minusDays(8)))
			.param("on", Date.valueOf(conferredOn)).param("id", id).update();
		jdbc.sql("UPDATE honour SET conferred_on = :on WHERE campaign_id = :id").param("on", Date.valueOf(conferredOn))
			.param("id", id).update();
		return jdbc.sql("SELECT member_id FROM honour WHERE campaign_id = :id ORDER BY id").param("id", id)
			.query(Long.class).list();
	}

	private int thisYearsCraftsmen(CurrentUser owner, LocalDate today, List<Pick> picks) {
		long kind = catalogue.byCode("WEIHAI_CRAFTSMAN").orElseThrow().id();
		long id = campaigns.open(owner, new CampaignData(kind, today.getYear(), today.getYear() + " 年度“威海工匠”评选", 12,
				today.plusDays(20), today.plusDays(40), 5));
		int count = 0;
		List<NomineeCategory> categories = List.of(NomineeCategory.FRONT_LINE, NomineeCategory.TECHNICAL);
		for (Pick pick : picks) {
			Long n = nominateAndSubmit(id, pick, categories.get(count % 2));
			if (n != null && count % 3 == 0) {
				review.reviewInDistrict(actor("demo-district", pick.districtId()), n, nominationVersion(n),
						ReviewDecision.APPROVE, "同意推荐");
			}
			count += n == null ? 0 : 1;
		}
		campaigns.advance(owner, id, version(id), CampaignStatus.NOMINATING);
		return count;
	}

	/** A nomination entered by the union and submitted; null when a rule refuses it (it stays a draft). */
	private Long nominateAndSubmit(long campaign, Pick pick, NomineeCategory category) {
		CurrentUser union = actor("demo-union", pick.unionId());
		try {
			long n = nominations.nominate(union, campaign, new NominationData(pick.unionId(), pick.memberId(), null,
					category, "立足岗位二十余年，带领班组完成多项技术革新，累计创效逾百万元，多次获得本单位先进个人。",
					"本单位职代会决议（" + LocalDate.now(clock).getYear() + "）第 3 号", "在本单位公示栏公示 5 个工作日，无异议"));
			files.store(union, n, "DEEDS", "事迹材料.pdf", new ByteArrayResource(DEEDS_PDF));
			nominations.submit(union, n, nominationVersion(n));
			return n;
		}
		catch (RuleViolationException refused) {
			LOG.debug("Demo nomination of member {} not submitted: {}", pick.memberId(), refused.messageKey());
			return null;
		}
	}

	private long version(long campaign) {
		return jdbc.sql("SELECT version FROM award_campaign WHERE id = :id").param("id", campaign).query(Long.class).single();
	}

	private long nominationVersion(long nomination) {
		return jdbc.sql("SELECT version FROM nomination WHERE id = :id").param("id", nomination).query(Long.class).single();
	}

	/** Demo data when {@code portal.demo.enabled=true}, or by default on the embedded H2 database. */
	static class Enabled implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String flag = context.getEnvironment().getProperty("portal.demo.enabled", "").strip();
			return flag.isEmpty()
					? context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")
					: Boolean.parseBoolean(flag);
		}
	}
}
