package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo benefits, after the demo federation is loaded: this year's mutual-aid insurance programme,
 * a dozen partner merchants across the demo districts, and a few enrolments and entitlements for
 * the first members, if there are any. Runs once: nothing happens when any merchant exists.
 */
@Component
@Conditional(BenefitsDemoCondition.class)
@Order(20)
class BenefitsDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(BenefitsDemoData.class);

	private static final int DEMO_MEMBERS = 3;

	/** name, category, district, address, discount. */
	private static final List<String[]> MERCHANTS = List.of(
			new String[] { "威海刘公岛海鲜大酒店", "DINING", "环翠区总工会", "环翠区海滨北路 66 号", "会员持卡消费 9 折" },
			new String[] { "威海华联商厦", "RETAIL", "环翠区总工会", "环翠区新威路 18 号", "会员卡满 200 元减 20 元" },
			new String[] { "威海市立医院体检中心", "HEALTH", "环翠区总工会", "环翠区和平路 70 号", "职工体检套餐 85 折" },
			new String[] { "文登泽库温泉度假村", "TRAVEL", "文登区总工会", "文登区泽库镇温泉路 1 号", "温泉门票 8 折" },
			new String[] { "文登西洋参专卖店", "RETAIL", "文登区总工会", "文登区米山路 12 号", "会员 9 折" },
			new String[] { "荣成好运角旅游度假区", "TRAVEL", "荣成市总工会", "荣成市成山镇好运角", "景区门票 7 折" },
			new String[] { "荣成石岛渔家宴", "DINING", "荣成市总工会", "荣成市石岛管理区渔港路 8 号", "会员 9 折" },
			new String[] { "乳山银滩海景酒店", "TRAVEL", "乳山市总工会", "乳山市银滩旅游度假区", "客房 8 折" },
			new String[] { "高新区职工技能培训学校", "EDUCATION", "威海火炬高技术产业开发区总工会", "高新区火炬路 213 号",
					"培训费 8 折" },
			new String[] { "经区便民家政服务中心", "SERVICES", "威海经济技术开发区总工会", "经区青岛中路 98 号",
					"家政服务 9 折" },
			new String[] { "崮山海景民宿", "TRAVEL", "威海经济技术开发区总工会", "经区崮山镇海景路 5 号", "住宿 85 折" },
			new String[] { "临港职工爱心药房", "HEALTH", "威海临港经济技术开发区总工会", "临港区草庙子镇", "非处方药 95 折" });

	private final BenefitProgrammes programmes;

	private final BenefitEnrolments enrolments;

	private final BenefitEntitlements entitlements;

	private final MerchantDirectory merchants;

	private final OrganizationManagement organizations;

	private final MemberManagement members;

	private final Clock clock;

	BenefitsDemoData(BenefitProgrammes programmes, BenefitEnrolments enrolments, BenefitEntitlements entitlements,
			MerchantDirectory merchants, OrganizationManagement organizations, MemberManagement members, Clock clock) {
		this.programmes = programmes;
		this.enrolments = enrolments;
		this.entitlements = entitlements;
		this.merchants = merchants;
		this.organizations = organizations;
		this.members = members;
		this.clock = clock;
	}

	@Override
	public void runAtStartup() {
		if (!merchants.isEmpty()) {
			return;
		}
		List<DistrictOption> districts = merchants.districts();
		if (districts.isEmpty()) {
			return;
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		int year = LocalDate.now(clock).getYear();
		Long programme = programme(system, year);
		Map<String, Long> byName = districts.stream()
			.collect(Collectors.toMap(DistrictOption::name, DistrictOption::id, (a, b) -> a));
		int i = 0;
		for (String[] m : MERCHANTS) {
			long district = byName.getOrDefault(m[2], districts.get(i++ % districts.size()).id());
			merchants.create(system,
					new MerchantData(m[0], MerchantCategory.valueOf(m[1]), district, m[3], m[4]));
		}
		int people = programme == null ? 0 : enrolFirstMembers(system, programme, year);
		log.info("Loaded demo benefits: the {} mutual-aid programme, {} partner merchants, {} members enrolled", year,
				MERCHANTS.size(), people);
	}

	private Long programme(CurrentUser system, int year) {
		try {
			return programmes.createProgramme(system, new ProgrammeData(ProgrammeKind.MUTUAL_AID_INSURANCE,
					year + " 年度职工互助保障", year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
					new BigDecimal("30.00")));
		}
		catch (RuleViolationException exists) {
			return programmes.programmes(system).stream()
				.filter(p -> p.year() == year && p.kind() == ProgrammeKind.MUTUAL_AID_INSURANCE)
				.map(ProgrammeView::id)
				.findFirst()
				.orElse(null);
		}
	}

	private int enrolFirstMembers(CurrentUser system, long programme, int year) {
		List<MemberSummary> first = members
			.search(system, new MemberQuery(null, null, null, MemberStatus.ACTIVE, MemberQuery.Sort.CARD_NUMBER),
					PageRequest.of(0, DEMO_MEMBERS))
			.getContent();
		List<EntitlementData> grants = List.of(
				new EntitlementData(EntitlementKind.HEALTH_CHECK, "优秀职工免费健康体检", LocalDate.of(year, 3, 1),
						LocalDate.of(year, 12, 31)),
				new EntitlementData(EntitlementKind.RECUPERATION_LEAVE, "职工疗休养（5 天）", LocalDate.of(year, 5, 1),
						LocalDate.of(year, 10, 31)),
				new EntitlementData(EntitlementKind.OTHER, "会员专属法律咨询", LocalDate.of(year, 1, 1), null));
		int n = 0;
		for (MemberSummary member : first) {
			enrolments.enrol(system, programme, member.id(), LocalDate.of(year, 1, 1));
			entitlements.grantEntitlement(system, member.id(), grants.get(n));
			n++;
		}
		return n;
	}
}
