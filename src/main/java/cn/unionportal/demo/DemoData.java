package cn.unionportal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.organization.CreditCode;
import cn.unionportal.organization.OrganizationChanges;
import cn.unionportal.organization.OrganizationAffiliations;
import cn.unionportal.organization.OrganizationLifecycle;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import static cn.unionportal.organization.OrganizationType.BRANCH;
import static cn.unionportal.organization.OrganizationType.DISTRICT_FEDERATION;
import static cn.unionportal.organization.OrganizationType.GRASSROOTS_UNION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_CHAIN_FEDERATION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_FEDERATION;
import static cn.unionportal.organization.OrganizationType.REGIONAL_FEDERATION;
import static cn.unionportal.organization.OrganizationType.TOWNSHIP_UNION;

/**
 * The Weihai demo federation (from the seed reports), its members ({@link Scale#DEMO}: a few
 * thousand synthetic people spread over the grassroots unions and joint federations, not the
 * branches) and the three demo accounts, all with the password {@code portal-demo-2026}. Loaded once,
 * into an empty hierarchy, on the embedded default or when {@code portal.demo.enabled=true}; runs
 * before the first-administrator bootstrap, and before the web server accepts requests.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(10)
class DemoData implements StartupTask {

	static final String PASSWORD = "portal-demo-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganizationManagement organizations;

	private final OrganizationLifecycle changes;

	private final OrganizationAffiliations affiliations;

	private final AccountManagement accounts;

	private final SyntheticFederation federation;

	private final List<Long> memberHomes = new ArrayList<>();

	private final java.util.Set<Long> unions = new java.util.HashSet<>();

	private int creditSequence;

	DemoData(OrganizationManagement organizations, OrganizationLifecycle changes, OrganizationAffiliations affiliations,
			AccountManagement accounts, SyntheticFederation federation) {
		this.organizations = organizations;
		this.changes = changes;
		this.affiliations = affiliations;
		this.accounts = accounts;
		this.federation = federation;
	}

	@Override
	public void runAtStartup() {
		long rootId = organizations.rootId();
		CurrentUser system = CurrentUser.system(rootId);
		if (organizations.children(system, rootId, PageRequest.of(0, 1)).getTotalElements() > 0
				|| accounts.hasAnyAccount()) {
			return;
		}
		Tree tree = new Tree(system);

		long huancui = tree.add(rootId, DISTRICT_FEDERATION, "环翠区总工会", "王立新");
		long zhangcun = tree.add(huancui, TOWNSHIP_UNION, "张村镇工会", "刘红梅");
		long shanshui = tree.add(zhangcun, REGIONAL_FEDERATION, "张村镇山水田园联合工会", "于海涛");
		tree.union(shanshui, "威海德明海珍品有限公司工会", "371002");
		tree.union(shanshui, "张村镇山水田园农家乐合作社工会", "371002");
		tree.union(zhangcun, "威海恒科精工有限公司工会", "371002");
		long ant = tree.add(huancui, REGIONAL_FEDERATION, "金蚂蚁汽车广场产业联合工会", "孙建国");
		tree.union(ant, "威海金蚂蚁汽车销售服务有限公司工会", "371002");

		long wendeng = tree.add(rootId, DISTRICT_FEDERATION, "文登区总工会", "赵文华");
		long dashuibo = tree.add(wendeng, TOWNSHIP_UNION, "大水泊镇工会", "李春燕");
		long gengdu = tree.add(dashuibo, REGIONAL_FEDERATION, "耕读小镇联合工会", "李林");
		for (String branch : List.of("国学文化分会", "康养健康分会", "农业科技分会", "文旅融合分会", "医疗卫生分会",
				"艺术创作分会", "乡村规划分会")) {
			tree.add(gengdu, BRANCH, branch, null);
		}
		tree.union(dashuibo, "大明国际控股有限公司威海分公司工会", "371003");
		tree.union(wendeng, "威海文登区鑫源机械有限公司工会", "371003");

		long rongcheng = tree.add(rootId, DISTRICT_FEDERATION, "荣成市总工会", "张海军");
		long xiazhuang = tree.add(rongcheng, TOWNSHIP_UNION, "夏庄镇工会", "刘焕新");
		long agriculture = tree.add(xiazhuang, INDUSTRY_FEDERATION, "夏庄镇农业行业工会联合会", "曲晓东");
		tree.union(agriculture, "山东悦多果业有限公司工会", "371082");
		tree.union(agriculture, "荣成夏庄海洋牧场有限公司工会", "371082");

		long rushan = tree.add(rootId, DISTRICT_FEDERATION, "乳山市总工会", "宋丽娟");
		tree.union(rushan, "乳山银滩旅游开发有限公司工会", "371083");

		long hightech = tree.add(rootId, DISTRICT_FEDERATION, "威海火炬高技术产业开发区总工会", "郑国强");
		long printers = tree.add(hightech, INDUSTRY_CHAIN_FEDERATION, "高新区打印机产业链工会联合会", "高志远");
		long medical = tree.add(hightech, INDUSTRY_CHAIN_FEDERATION, "高新区医疗器械产业链工会", "李富强");
		long shiyi = tree.union(hightech, "威海世一电子有限公司工会", "371071");
		long weigao = tree.union(hightech, "威高集团有限公司工会", "371071");
		long printerParts = tree.union(hightech, "威海新北洋打印耗材有限公司工会", "371071");
		affiliations.affiliate(system, shiyi, printers);
		affiliations.affiliate(system, printerParts, printers);
		affiliations.affiliate(system, weigao, medical);

		long economic = tree.add(rootId, DISTRICT_FEDERATION, "威海经济技术开发区总工会", "邹卫东");
		long gushan = tree.add(economic, TOWNSHIP_UNION, "崮山镇工会", "姜美玲");
		long tourism = tree.add(gushan, INDUSTRY_FEDERATION, "崮山镇文旅行业工会联合会", "杨晓光");
		tree.union(tourism, "威海崮山文化旅游发展有限公司工会", "371072");
		tree.union(tourism, "崮山海景民宿管理有限公司工会", "371072");

		long lingang = tree.add(rootId, DISTRICT_FEDERATION, "威海临港经济技术开发区总工会", "徐振华");
		tree.union(lingang, "威海临港国际物流有限公司工会", "371073");

		int members = federation.populate(memberHomes, unions, Scale.DEMO.size().members(),
				GenerateCommand.DEFAULT_SEED);

		accounts.createInitialAccount("admin", "系统管理员", rootId, Set.of(StaffRole.FEDERATION_ADMIN), PASSWORD,
				false);
		accounts.createInitialAccount("wendeng", "文登区管理员", wendeng, Set.of(StaffRole.ORG_ADMIN), PASSWORD, false);
		accounts.createInitialAccount("huancui", "环翠区工作人员", huancui, Set.of(StaffRole.STAFF), PASSWORD, false);
		log.info("Loaded the Weihai demo federation with {} members and the demo accounts admin, wendeng, huancui"
				+ " (password {})", members, PASSWORD);
	}

	/** Builds the demo tree through the organization module's public API. */
	private final class Tree {

		private final CurrentUser system;

		Tree(CurrentUser system) {
			this.system = system;
		}

		long add(long parent, OrganizationType type, String name, String chair) {
			long id = changes.create(system, parent, type,
					new OrganizationChanges(name, chair, LocalDate.of(2015, 5, 1).plusDays(name.length() * 37L), null));
			if (type == REGIONAL_FEDERATION || type == INDUSTRY_FEDERATION) {
				memberHomes.add(id);
			}
			return id;
		}

		long union(long parent, String name, String region) {
			String body = "91" + region + String.format("%09d", 100_000_000 + ++creditSequence * 7919);
			String code = body + CreditCode.checkCharacter(body);
			long id = changes.create(system, parent, GRASSROOTS_UNION,
					new OrganizationChanges(name, null, LocalDate.of(2012, 3, 1).plusDays(creditSequence * 101L), code));
			memberHomes.add(id);
			unions.add(id);
			return id;
		}
	}
}
