package cn.unionportal.award;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Benchmark, not a test: five years of campaigns (six kinds a year, quotas for every district)
 * and 20,000 honours written in JDBC batches on top of the demo federation, then the campaign page
 * with live quota and constraint figures (the largest campaign: 2,000 nominations) and the public
 * honour roll (no filter, by year, by kind and district, by name) through MockMvc with the real
 * security, each warmed up and run {@value #RUNS} times. Writes p50/p95/p99 to
 * {@code target/benchmarks/awards.md}. Run with
 * {@code PORTAL_TEST_DB_NAME=portal_bench_award ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=AwardScaleBenchmark}.
 */
@Tag("benchmark")
class AwardScaleBenchmark extends PostgresIntegrationTest {

	static final int WARM_UP = 20;

	static final int RUNS = 200;

	static final int HONOURS = 20_000;

	@Test
	void campaignPageAndHonourRoll() throws Exception {
		List<Long> members = jdbc.queryForList("SELECT id FROM member WHERE status = 'ACTIVE' ORDER BY id", Long.class);
		List<Long> districts = jdbc.queryForList("SELECT id FROM organization WHERE type = 'DISTRICT_FEDERATION' ORDER BY id",
				Long.class);
		List<Long> kinds = jdbc.queryForList("SELECT id FROM honour_kind WHERE recipient = 'PERSON' ORDER BY id", Long.class);
		int thisYear = LocalDate.now().getYear();
		Timestamp now = Timestamp.from(Instant.now());
		long largest = 0;
		int written = 0;
		List<String> categories = List.of("FRONT_LINE", "TECHNICAL", "ENTERPRISE_HEAD", "MANAGEMENT");
		for (int year = thisYear - 5; year < thisYear; year++) {
			for (int k = 0; k < 6; k++) {
				long kind = kinds.get(k);
				int size = k == 0 && year == thisYear - 1 ? 2_000 : 400;
				jdbc.update("""
						INSERT INTO award_campaign (kind_id, campaign_year, title, organization_id, total_quota, status,
						  nominations_until, review_until, notice_days, created_by, created_at, decision_number, conferred_on)
						VALUES (?, ?, ?, ?, ?, 'CONFERRED', ?, ?, 5, 'bench', ?, 'bench', ?)
						""", kind, year, "bench " + year + " " + kind, districts.get(0), size, Date.valueOf(LocalDate.of(year, 3, 1)),
						Date.valueOf(LocalDate.of(year, 3, 20)), now, Date.valueOf(LocalDate.of(year, 4, 28)));
				long campaign = jdbc.queryForObject("SELECT MAX(id) FROM award_campaign", Long.class);
				if (size == 2_000) {
					largest = campaign;
				}
				for (long d : districts) {
					jdbc.update("INSERT INTO campaign_quota (campaign_id, organization_id, quota, basis) VALUES (?, ?, ?, 100)",
							campaign, d, size / districts.size() + 1);
				}
				jdbc.update("INSERT INTO campaign_constraint (campaign_id, criterion, bound, percent) VALUES (?, 'FRONT_LINE', 'AT_LEAST', 50), (?, 'WOMEN', 'AT_LEAST', 20)",
						campaign, campaign);
				List<Object[]> nominations = new ArrayList<>();
				List<Object[]> honours = new ArrayList<>();
				for (int i = 0; i < size && written < HONOURS; i++) {
					long member = members.get((i * 7 + k * 131 + year) % members.size());
					long district = districts.get(i % districts.size());
					String name = "荣誉" + (char) ('甲' + i % 40) + (char) ('一' + i % 97) + i;
					nominations.add(new Object[] { campaign, member, name, "rongyu" + i, district, district,
							categories.get(i % 4), i % 3 == 0, i % 7 == 0, "事迹", "事迹", "CONFERRED", now, now });
					honours.add(new Object[] { kind, member, district, district, name, "rongyu" + i, year,
							Date.valueOf(LocalDate.of(year, 4, 28)), campaign, "bench-" + campaign + "-" + i, i % 50 != 0, now });
					written++;
				}
				jdbc.batchUpdate("""
						INSERT INTO nomination (campaign_id, member_id, nominee_name, name_sort_key, organization_id,
						  quota_organization_id, category, woman, migrant, deeds, deeds_summary, status, nominated_by, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)
						""", nominations);
				jdbc.batchUpdate("""
						INSERT INTO honour (kind_id, member_id, organization_id, district_id, holder_name, name_sort_key, honour_year,
						  conferred_on, source, campaign_id, reference, status, listed, recorded_by, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CAMPAIGN', ?, ?, 'ACTIVE', ?, 'bench', ?)
						""", honours);
			}
		}
		while (written < HONOURS) {
			int i = written;
			jdbc.update("""
					INSERT INTO honour (kind_id, member_id, organization_id, district_id, holder_name, name_sort_key, honour_year,
					  conferred_on, source, reference, status, recorded_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'MANUAL', 'bench', 'ACTIVE', 'bench', ?)
					""", kinds.get(i % kinds.size()), members.get(i % members.size()), districts.get(i % districts.size()),
					districts.get(i % districts.size()), "手工" + i, "shougong" + i, thisYear - 1 - i % 5,
					Date.valueOf(LocalDate.of(thisYear - 1 - i % 5, 5, 1)), now);
			written++;
		}
		// the state autovacuum reaches soon after such a load: statistics and the visibility map (counts
		// and the roll's order can then be read from the indexes alone)
		jdbc.execute("VACUUM ANALYZE honour");
		jdbc.execute("VACUUM ANALYZE nomination");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM honour", Long.class)).isGreaterThanOrEqualTo(HONOURS);

		StringBuilder report = new StringBuilder("| page | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|\n");
		long campaign = largest;
		long kind = kinds.get(0);
		long district = districts.get(1);
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		pages.put("campaign page, 2,000 nominations (admin)", "/awards/campaigns/" + campaign);
		pages.put("honour roll, no filter", "/honours");
		pages.put("honour roll, year", "/honours?year=" + (thisYear - 2));
		pages.put("honour roll, kind and district", "/honours?kind=" + kind + "&district=" + district);
		pages.put("honour roll, name", "/honours?q=" + java.net.URLEncoder.encode("荣誉甲", java.nio.charset.StandardCharsets.UTF_8));
		for (Map.Entry<String, String> page : pages.entrySet()) {
			boolean staff = page.getValue().startsWith("/awards");
			for (int i = 0; i < WARM_UP; i++) {
				call(page.getValue(), staff);
			}
			long[] times = new long[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				call(page.getValue(), staff);
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			report.append("| ").append(page.getKey()).append(" | ").append(ms(times, 50)).append(" | ")
				.append(ms(times, 95)).append(" | ").append(ms(times, 99)).append(" |\n");
		}
		Path out = Path.of("target", "benchmarks", "awards.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private void call(String url, boolean staff) throws Exception {
		MvcResult result = staff ? mvc.perform(get(url).with(demo.as("admin"))).andReturn()
				: mvc.perform(get(url)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	private static String ms(long[] sorted, int percentile) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return String.format(java.util.Locale.ROOT, "%.1f", sorted[index] / 1_000_000.0);
	}
}
