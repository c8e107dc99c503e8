package cn.unionportal.competition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.unionportal.competition.CompetitionManagement.CompetitionData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo competitions, tied into the demo members: last year's municipal class I final (251
 * contestants in 9 trades, 5 judges each, every mark, ranks, prizes, titles and certificates),
 * this year's class II competition with registration open, and an industry-chain competition in
 * scoring with the demo judge account {@code caipan} (password as the other demo accounts) on its
 * panel. Entries and marks go in as JDBC batches into the module's own tables; ranks and titles
 * come from the same code as the pages (Ranking, CompetitionPublication.confer).
 */
@Component
@Conditional(CompetitionDemoData.Enabled.class)
@Order(30)
class CompetitionDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(CompetitionDemoData.class);

	static final String JUDGE_ACCOUNT = "caipan";

	static final String PASSWORD = "portal-demo-2026";

	private static final List<String> FINAL_TRADES = List.of("焊工", "钳工", "维修电工", "车工", "数控车工", "电工",
			"汽车维修工", "工业机器人系统运维员", "计算机程序设计员");

	private final CompetitionManagement competitions;

	private final CompetitionDemoEntries entries;

	private final CompetitionDemoPanels panels;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Clock clock;

	CompetitionDemoData(CompetitionManagement competitions, CompetitionDemoEntries entries, CompetitionDemoPanels panels,
			MemberManagement members, OrganizationManagement organizations, Clock clock) {
		this.competitions = competitions;
		this.entries = entries;
		this.panels = panels;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** Demo data when {@code portal.demo.enabled=true}, or left empty on the embedded H2 default. */
	static class Enabled implements Condition {

		@Override
		public boolean matches(org.springframework.context.annotation.ConditionContext context,
				org.springframework.core.type.AnnotatedTypeMetadata metadata) {
			String flag = context.getEnvironment().getProperty("portal.demo.enabled", "").strip();
			return flag.isEmpty() ? context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")
					: Boolean.parseBoolean(flag);
		}
	}

	@Override
	@Transactional
	public void runAtStartup() {
		if (entries.anyCompetition()) {
			return;
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		List<MemberSummary> people = members.search(system,
				new MemberQuery(null, null, null, MemberStatus.ACTIVE, MemberQuery.Sort.CARD_NUMBER), PageRequest.of(0, 400))
			.getContent();
		if (people.size() < 300) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(2026);
		List<Long> judges = panels.judgePool(system);
		int lastYear = today.getYear() - 1;

		// last year's municipal final, published
		long finalId = competitions.create(system, new CompetitionData(lastYear + "年威海市职工职业技能大赛决赛", lastYear,
				organizations.rootId(), CompetitionTier.MUNICIPAL_CLASS_I, false, false, LocalDate.of(lastYear, 3, 1),
				LocalDate.of(lastYear, 4, 15), LocalDate.of(lastYear, 5, 20), LocalDate.of(lastYear, 5, 22),
				"威海职业学院实训中心", 5));
		List<Long> trades = new ArrayList<>();
		for (String name : FINAL_TRADES) {
			trades.add(entries.trade(system, finalId, name, 40, 5));
		}
		int next = 0;
		for (int t = 0; t < trades.size(); t++) {
			int count = t < 8 ? 28 : 27; // 8 × 28 + 27 = 251
			List<MemberSummary> entrants = people.subList(next, next + count);
			next += count;
			List<Long> entered = entries.enter(finalId, trades.get(t), entrants, false, random);
			panels.seat(trades.get(t), judges.subList(t % 5, t % 5 + 5));
			panels.mark(trades.get(t), entered, judges.subList(t % 5, t % 5 + 5), random, true);
			entries.lockAndRank(trades.get(t), Timestamp.valueOf(LocalDate.of(lastYear, 5, 22).atTime(17, 0)));
		}
		entries.publish(finalId, LocalDate.of(lastYear, 6, 5), LocalDate.of(lastYear, 6, 6));

		// this year's class II competition, registration open
		long openId = competitions.create(system, new CompetitionData(today.getYear() + "年威海市职工技能竞赛（二类）",
				today.getYear(), organizations.rootId(), CompetitionTier.MUNICIPAL_CLASS_II, false, false,
				today.minusDays(10), today.plusDays(30), today.plusDays(45), today.plusDays(46), "威海市技师学院", 5));
		long welder = entries.trade(system, openId, "焊工", 60, 5);
		entries.trade(system, openId, "育婴员", 60, 5);
		entries.trade(system, openId, "电子商务师", 60, 5);
		entries.enter(openId, welder, people.subList(next, next + 6), true, random);
		next += 6;
		entries.moveTo(openId, "REGISTRATION_OPEN");

		// an industry-chain competition in scoring, with the demo judge
		long chain = chainFederation(system);
		long chainId = competitions.create(system, new CompetitionData(today.getYear() + "年打印机产业链职工技能竞赛",
				today.getYear(), chain, CompetitionTier.INDUSTRY_CHAIN, false, false, today.minusDays(40),
				today.minusDays(20), today.minusDays(5), today.minusDays(4), "威海打印机产业园", 5));
		List<Long> demoJudges = new ArrayList<>(judges.subList(0, 2));
		demoJudges.add(0, panels.demoJudge());
		for (String name : List.of("装配钳工", "电工")) {
			long trade = entries.trade(system, chainId, name, 30, 3);
			List<Long> entered = entries.enter(chainId, trade, people.subList(next, next + 8), false, random);
			next += 8;
			panels.seat(trade, demoJudges);
			panels.mark(trade, entered, demoJudges.subList(1, 3), random, false);
		}
		entries.moveTo(chainId, "SCORING");
		log.info("Loaded demo competitions: the {} municipal final (251 contestants, 9 trades, published), an open"
				+ " competition and a chain competition in scoring (judge account {})", lastYear, JUDGE_ACCOUNT);
	}

	private long chainFederation(CurrentUser system) {
		return organizations.search(system, "产业链", PageRequest.of(0, 20)).getContent().stream()
			.filter(o -> o.type() == OrganizationType.INDUSTRY_CHAIN_FEDERATION)
			.map(OrganizationSummary::id)
			.findFirst()
			.orElse(organizations.rootId());
	}
}
