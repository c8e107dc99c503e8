package cn.unionportal.award;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.domain.PageRequest;
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

	private final AwardDemoCampaigns demoCampaigns;

	private final InnovationStudios studios;

	private final HonourCatalogue catalogue;

	private final HonourRecording recording;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Clock clock;

	AwardDemoData(AwardDemoCampaigns demoCampaigns, InnovationStudios studios, HonourCatalogue catalogue,
			HonourRecording recording, MemberManagement members, OrganizationManagement organizations, Clock clock) {
		this.demoCampaigns = demoCampaigns;
		this.studios = studios;
		this.catalogue = catalogue;
		this.recording = recording;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** A nominee: the member, the union that nominates and the district whose quota it uses. */
	record Pick(long memberId, long unionId, long districtId) {
	}

	@Override
	public void runAtStartup() {
		if (demoCampaigns.anyCampaign()) {
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
		List<Long> conferred = demoCampaigns.lastYearsModelWorkers(owner, today, picks.subList(0, Math.min(6, picks.size())));
		int craftsmen = demoCampaigns.thisYearsCraftsmen(owner, today, picks.subList(Math.min(6, picks.size()), picks.size()));
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
