package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.unionportal.competition.CompetitionManagement.CompetitionData;
import cn.unionportal.competition.CompetitionManagement.TradeData;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Measures (does not time-box) at Weihai scale, 100,000 entries in a year: recomputing the ranking
 * of a trade with 1,000 entries, 7 judges and 10 aspects (70,000 marks), and the server time of
 * the competition list and a trade's page with its ranking (p95 of 200 requests after 30 warm-ups). Excluded from the
 * normal build (tag {@code benchmark}); run with {@code ./mvnw test -Dtest=CompetitionBenchmark
 * -Dsurefire.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class CompetitionBenchmark extends PostgresIntegrationTest {

	@Autowired
	CompetitionManagement competitions;

	@Autowired
	Ranking ranking;

	@Autowired
	OrganizationManagement organizations;

	private static long ROOT;

	@Test
	void rankingAndPagesAtWeihaiScale() throws Exception {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		ROOT = organizations.rootId();
		int year = LocalDate.now().getYear();
		Random random = new Random(10);
		List<Long> memberIds = jdbc.queryForList("SELECT id FROM member WHERE status = 'ACTIVE' ORDER BY id LIMIT 1000", Long.class);
		long orgId = organizations.rootId();

		// background: 99,000 entries in 99 trades of 11 competitions, the year's volume
		long started = System.nanoTime();
		for (int c = 0; c < 11; c++) {
			long competition = competitions.create(system, data("基准背景竞赛" + c, year));
			for (int t = 0; t < 9; t++) {
				long trade = competitions.addTrade(system, competition, trade("工种" + t, 7));
				List<Object[]> rows = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					rows.add(new Object[] { competition, trade, orgId, String.format("B%05d", t * 1000 + i) });
				}
				jdbc.batchUpdate("""
						INSERT INTO competition_entry (competition_id, trade_id, organization_id, contestant_code, status,
						    registered_by, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', 'bench', CURRENT_TIMESTAMP)""", rows);
			}
		}
		System.out.printf("[benchmark] background 99,000 entries in %,d ms%n", (System.nanoTime() - started) / 1_000_000);

		long competition = competitions.create(system, data("基准竞赛", year));
		long trade = competitions.addTrade(system, competition, trade("焊工", 7));
		List<Long> aspects = new ArrayList<>();
		aspects.add(competitions.addAspect(system, trade, "THEORY", "MEASUREMENT", "理论", new BigDecimal("100"), null));
		for (int a = 1; a < 10; a++) {
			aspects.add(competitions.addAspect(system, trade, "PRACTICAL", a < 4 ? "MEASUREMENT" : "JUDGEMENT", "实操" + a,
					new BigDecimal("20"), null));
		}
		List<Long> judges = new ArrayList<>();
		for (int j = 0; j < 7; j++) {
			jdbc.update("""
					INSERT INTO competition_judge (name, name_sort_key, organization_id, qualification, trades, created_at)
					VALUES (?, ?, ?, '国家级', '焊工', CURRENT_TIMESTAMP)""", "基准裁判" + j, "jizhun" + j, orgId);
			long judge = jdbc.queryForObject("SELECT MAX(id) FROM competition_judge", Long.class);
			jdbc.update("INSERT INTO competition_panel (trade_id, judge_id, chief) VALUES (?, ?, ?)", trade, judge, j == 0);
			judges.add(judge);
		}
		List<Object[]> entryRows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			entryRows.add(new Object[] { competition, trade, orgId, String.format("K%05d", i), 100 + random.nextInt(80) });
		}
		jdbc.batchUpdate("""
				INSERT INTO competition_entry (competition_id, trade_id, organization_id, contestant_code, status,
				    time_used_minutes, registered_by, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, 'bench', CURRENT_TIMESTAMP)""",
				entryRows);
		List<Long> entries = jdbc.queryForList("SELECT id FROM competition_entry WHERE trade_id = ? ORDER BY id", Long.class, trade);
		List<Object[]> members = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			members.add(new Object[] { entries.get(i), memberIds.get(i % memberIds.size()), competition, orgId, "选手" + i, -entries.get(i) });
		}
		jdbc.batchUpdate("""
				INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
				VALUES (?, ?, ?, ?, ?, ?)""", members);
		List<Object[]> marks = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (long entry : entries) {
			for (int a = 0; a < aspects.size(); a++) {
				for (long judge : judges) {
					int max = a == 0 ? 100 : 20;
					marks.add(new Object[] { entry, aspects.get(a), judge, BigDecimal.valueOf(random.nextInt(max * 2 + 1), 1).min(BigDecimal.valueOf(max)), now });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO competition_mark (entry_id, aspect_id, judge_id, mark, updated_at) VALUES (?, ?, ?, ?, ?)", marks);
		jdbc.execute("ANALYZE");

		// profile: the per-mark read the ranking used to do (still the sheet's), and the aggregate read it does now
		long[] perMark = new long[3];
		long[] aggregate = new long[3];
		for (int i = 0; i < 3; i++) {
			long t0 = System.nanoTime();
			ranking.marks(trade);
			perMark[i] = (System.nanoTime() - t0) / 1_000_000;
			t0 = System.nanoTime();
			jdbc.queryForList("""
					SELECT k.entry_id, k.aspect_id, SUM(k.mark), MIN(k.mark), MAX(k.mark), COUNT(*)
					FROM competition_mark k JOIN competition_aspect a ON a.id = k.aspect_id
					WHERE a.trade_id = ? GROUP BY k.entry_id, k.aspect_id""", trade);
			aggregate[i] = (System.nanoTime() - t0) / 1_000_000;
		}
		System.out.printf("[benchmark] profile: read of 70,000 marks into maps %s ms; aggregate read (10,000 lines) %s ms%n",
				Arrays.toString(perMark), Arrays.toString(aggregate));
		long[] recompute = new long[6];
		for (int i = 0; i < recompute.length; i++) {
			long t0 = System.nanoTime();
			ranking.recompute(trade);
			recompute[i] = (System.nanoTime() - t0) / 1_000_000;
		}
		System.out.printf("[benchmark] ranking of 1,000 entries × 7 judges × 10 aspects (70,000 marks): runs %s ms%n",
				Arrays.toString(recompute));
		jdbc.update("UPDATE competition_trade SET locked_at = CURRENT_TIMESTAMP WHERE id = ?", trade);

		System.out.printf("[benchmark] competition list: %s%n", p95("/competitions"));
		System.out.printf("[benchmark] trade page, 1,000 entries, first page of entries and ranking (50 lines each): %s%n",
				p95("/competitions/trades/" + trade));
		System.out.printf("[benchmark] trade page, last page of entries and ranking: %s%n",
				p95("/competitions/trades/" + trade + "?page=19&rankPage=19"));
	}

	/**
	 * Server time of one page as the other page benchmarks measure it (AwardScaleBenchmark): 30
	 * warm-up requests (the JIT compiles the page's code path), then 200 timed ones.
	 */
	private String p95(String path) throws Exception {
		long[] times = new long[200];
		for (int i = -30; i < times.length; i++) {
			long t0 = System.nanoTime();
			mvc.perform(get(path).with(demo.as("admin"))).andExpect(status().isOk());
			if (i >= 0) {
				times[i] = (System.nanoTime() - t0) / 100_000;
			}
		}
		Arrays.sort(times);
		return String.format("median %.1f ms, p95 %.1f ms, p99 %.1f ms", times[100] / 10.0, times[190] / 10.0,
				times[198] / 10.0);
	}

	private static CompetitionData data(String name, int year) {
		LocalDate day = LocalDate.of(year, 3, 1);
		return new CompetitionData(name, year, ROOT, CompetitionTier.MUNICIPAL_CLASS_I, false, false, day, day.plusDays(30),
				day.plusDays(40), day.plusDays(41), "基准", 5);
	}

	private static TradeData trade(String name, int judges) {
		return new TradeData(name, 20, 80, 2000, 18, 60, Set.of(), 0, 2000, judges, TrimRule.AUTO, new BigDecimal("15"),
				TieBreak.DEFAULT, List.of(new Scoring.PrizeLevel(1, new BigDecimal("10000"), 1),
						new Scoring.PrizeLevel(2, new BigDecimal("5000"), 4), new Scoring.PrizeLevel(3, new BigDecimal("2000"), 6)));
	}
}
