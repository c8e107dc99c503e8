package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.competition.CompetitionManagement.CompetitionData;
import cn.unionportal.competition.CompetitionManagement.TradeData;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String PASSWORD = "portal-demo-2026";

	private static final List<String> FINAL_TRADES = List.of("焊工", "钳工", "维修电工", "车工", "数控车工", "电工",
			"汽车维修工", "工业机器人系统运维员", "计算机程序设计员");

	private static final List<String> JUDGE_NAMES = List.of("王建国", "李秀英", "张志强", "刘海燕", "陈立新", "杨振华",
			"赵明远", "孙丽娟", "周国庆", "吴红梅");

	private final CompetitionManagement competitions;

	private final CompetitionCatalogue catalogue;

	private final Ranking ranking;

	private final CompetitionPublication results;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	CompetitionDemoData(CompetitionManagement competitions, CompetitionCatalogue catalogue, Ranking ranking,
			CompetitionPublication results,			MemberManagement members, OrganizationManagement organizations, AccountManagement accounts, JdbcClient jdbc,
			JdbcTemplate batch, Clock clock) {
		this.competitions = competitions;
		this.catalogue = catalogue;
		this.ranking = ranking;
		this.results = results;
		this.members = members;
		this.organizations = organizations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.batch = batch;
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
		if (jdbc.sql("SELECT COUNT(*) FROM competition").query(Long.class).single() > 0) {
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
		List<Long> judges = judgePool(system);
		int lastYear = today.getYear() - 1;

		// last year's municipal final, published
		long finalId = competitions.create(system, new CompetitionData(lastYear + "年威海市职工职业技能大赛决赛", lastYear,
				organizations.rootId(), CompetitionTier.MUNICIPAL_CLASS_I, false, false, LocalDate.of(lastYear, 3, 1),
				LocalDate.of(lastYear, 4, 15), LocalDate.of(lastYear, 5, 20), LocalDate.of(lastYear, 5, 22),
				"威海职业学院实训中心", 5));
		List<Long> trades = new ArrayList<>();
		for (String name : FINAL_TRADES) {
			trades.add(trade(system, finalId, name, 40, 5));
		}
		int next = 0;
		for (int t = 0; t < trades.size(); t++) {
			int count = t < 8 ? 28 : 27; // 8 × 28 + 27 = 251
			List<MemberSummary> entrants = people.subList(next, next + count);
			next += count;
			List<Long> entries = enter(finalId, trades.get(t), entrants, false, random);
			seat(trades.get(t), judges.subList(t % 5, t % 5 + 5));
			mark(trades.get(t), entries, judges.subList(t % 5, t % 5 + 5), random, true);
			jdbc.sql("UPDATE competition_trade SET locked_at = :at WHERE id = :t")
				.param("at", Timestamp.valueOf(LocalDate.of(lastYear, 5, 22).atTime(17, 0))).param("t", trades.get(t)).update();
			ranking.recompute(trades.get(t));
		}
		jdbc.sql("UPDATE competition SET status = 'PUBLISHED', notice_ends = :n, published_on = :p WHERE id = :id")
			.param("n", Date.valueOf(LocalDate.of(lastYear, 6, 5))).param("p", Date.valueOf(LocalDate.of(lastYear, 6, 6)))
			.param("id", finalId).update();
		results.confer(catalogue.load(finalId), LocalDate.of(lastYear, 6, 6));

		// this year's class II competition, registration open
		long openId = competitions.create(system, new CompetitionData(today.getYear() + "年威海市职工技能竞赛（二类）",
				today.getYear(), organizations.rootId(), CompetitionTier.MUNICIPAL_CLASS_II, false, false,
				today.minusDays(10), today.plusDays(30), today.plusDays(45), today.plusDays(46), "威海市技师学院", 5));
		long welder = trade(system, openId, "焊工", 60, 5);
		trade(system, openId, "育婴员", 60, 5);
		trade(system, openId, "电子商务师", 60, 5);
		enter(openId, welder, people.subList(next, next + 6), true, random);
		next += 6;
		jdbc.sql("UPDATE competition SET status = 'REGISTRATION_OPEN' WHERE id = :id").param("id", openId).update();

		// an industry-chain competition in scoring, with the demo judge
		long chain = chainFederation(system);
		long chainId = competitions.create(system, new CompetitionData(today.getYear() + "年打印机产业链职工技能竞赛",
				today.getYear(), chain, CompetitionTier.INDUSTRY_CHAIN, false, false, today.minusDays(40),
				today.minusDays(20), today.minusDays(5), today.minusDays(4), "威海打印机产业园", 5));
		List<Long> demoJudges = new ArrayList<>(judges.subList(0, 2));
		demoJudges.add(0, demoJudge());
		for (String name : List.of("装配钳工", "电工")) {
			long trade = trade(system, chainId, name, 30, 3);
			List<Long> entries = enter(chainId, trade, people.subList(next, next + 8), false, random);
			next += 8;
			seat(trade, demoJudges);
			mark(trade, entries, demoJudges.subList(1, 3), random, false);
		}
		jdbc.sql("UPDATE competition SET status = 'SCORING' WHERE id = :id").param("id", chainId).update();
		log.info("Loaded demo competitions: the {} municipal final (251 contestants, 9 trades, published), an open"
				+ " competition and a chain competition in scoring (judge account {})", lastYear, JUDGE_ACCOUNT);
	}

	private long trade(CurrentUser system, long competitionId, String name, int capacity, int judgeCount) {
		long trade = competitions.addTrade(system, competitionId, new TradeData(name, 30, 70, capacity, 18, 60,
				Set.of(), 0, 40, judgeCount, TrimRule.AUTO, new BigDecimal("15"), TieBreak.DEFAULT,
				List.of(new Scoring.PrizeLevel(1, new BigDecimal("10000"), 1),
						new Scoring.PrizeLevel(2, new BigDecimal("5000"), 4),
						new Scoring.PrizeLevel(3, new BigDecimal("2000"), 6))));
		competitions.addAspect(system, trade, "THEORY", "MEASUREMENT", "理论知识考试", new BigDecimal("100"), null);
		competitions.addAspect(system, trade, "PRACTICAL", "MEASUREMENT", "尺寸与精度", new BigDecimal("40"),
				"按图纸公差逐项测量");
		competitions.addAspect(system, trade, "PRACTICAL", "JUDGEMENT", "工艺与规范", new BigDecimal("30"),
				"0 严重违规；10 基本规范；20 规范熟练；30 示范水平");
		competitions.addAspect(system, trade, "PRACTICAL", "JUDGEMENT", "安全文明生产", new BigDecimal("30"),
				"0 有安全事故隐患；15 基本做到；30 全程规范");
		return trade;
	}

	private List<Long> enter(long competitionId, long tradeId, List<MemberSummary> entrants, boolean open, Random random) {
		List<Long> ids = new ArrayList<>();
		int station = 1;
		for (MemberSummary m : entrants) {
			String code = String.format("%c%05d", (char) ('A' + tradeId % 26), 10000 + random.nextInt(89999));
			while (jdbc.sql("SELECT COUNT(*) FROM competition_entry WHERE competition_id = :c AND contestant_code = :k")
				.param("c", competitionId).param("k", code).query(Long.class).single() > 0) {
				code = String.format("%c%05d", (char) ('A' + tradeId % 26), 10000 + random.nextInt(89999));
			}
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO competition_entry (competition_id, trade_id, organization_id, contestant_code, station,
					    skill_grade, status, time_used_minutes, registered_by, created_at)
					VALUES (:c, :t, :o, :code, :station, 3, 'ACTIVE', :minutes, 'demo', :now)""")
				.param("c", competitionId).param("t", tradeId).param("o", m.organizationId()).param("code", code)
				.param("station", open ? null : station++, java.sql.Types.INTEGER)
				.param("minutes", open ? null : 150 + random.nextInt(60), java.sql.Types.INTEGER)
				.param("now", Timestamp.from(clock.instant())).update(keys, "id");
			long id = keys.getKey().longValue();
			jdbc.sql("""
					INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
					VALUES (:e, :m, :c, :o, :name, 0)""")
				.param("e", id).param("m", m.id()).param("c", competitionId).param("o", m.organizationId())
				.param("name", m.name()).update();
			ids.add(id);
		}
		return ids;
	}

	private List<Long> judgePool(CurrentUser system) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < JUDGE_NAMES.size(); i++) {
			ids.add(insertJudge(JUDGE_NAMES.get(i), organizations.rootId(), i < 3 ? "国家级裁判" : "省级裁判", null));
		}
		return ids;
	}

	private long insertJudge(String name, long organizationId, String qualification, String account) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO competition_judge (name, name_sort_key, organization_id, qualification, trades, account_username,
				    created_at)
				VALUES (:n, :k, :o, :q, '焊工、钳工、电工、车工', :a, :now)""")
			.param("n", name).param("k", ChineseNames.personSortKey(name)).param("o", organizationId)
			.param("q", qualification).param("a", account).param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long demoJudge() {
		if (!accounts.exists(JUDGE_ACCOUNT)) {
			accounts.createInitialAccount(JUDGE_ACCOUNT, "演示裁判", organizations.rootId(), Set.of(StaffRole.JUDGE),
					PASSWORD, false);
		}
		return insertJudge("演示裁判", organizations.rootId(), "省级裁判", JUDGE_ACCOUNT);
	}

	private void seat(long tradeId, List<Long> judges) {
		boolean chief = true;
		for (long judge : judges) {
			jdbc.sql("INSERT INTO competition_panel (trade_id, judge_id, chief, signed_at) VALUES (:t, :j, :c, NULL)")
				.param("t", tradeId).param("j", judge).param("c", chief).update();
			chief = false;
		}
	}

	/** Every judge marks every aspect of every entry (a skill level per contestant, some noise). */
	private void mark(long tradeId, List<Long> entries, List<Long> judges, Random random, boolean signed) {
		List<CompetitionManagement.AspectView> aspects = catalogue.aspects(tradeId);
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		for (long entry : entries) {
			double skill = 0.55 + random.nextDouble() * 0.4;
			for (CompetitionManagement.AspectView aspect : aspects) {
				for (long judge : judges) {
					double noise = (random.nextDouble() - 0.5) * 0.1;
					double mark = Math.max(0, Math.min(1, skill + noise)) * aspect.maxMark().doubleValue();
					rows.add(new Object[] { entry, aspect.id(), judge,
							BigDecimal.valueOf(Math.round(mark * 2) / 2.0).setScale(2), now });
				}
			}
		}
		batch.batchUpdate("INSERT INTO competition_mark (entry_id, aspect_id, judge_id, mark, updated_at) VALUES (?, ?, ?, ?, ?)",
				rows);
		if (signed) {
			jdbc.sql("UPDATE competition_panel SET signed_at = :now WHERE trade_id = :t").param("now", now)
				.param("t", tradeId).update();
		}
	}

	private long chainFederation(CurrentUser system) {
		return organizations.search(system, "产业链", PageRequest.of(0, 20)).getContent().stream()
			.filter(o -> o.type() == OrganizationType.INDUSTRY_CHAIN_FEDERATION)
			.map(OrganizationSummary::id)
			.findFirst()
			.orElse(organizations.rootId());
	}
}
