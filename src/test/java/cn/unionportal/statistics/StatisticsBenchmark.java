package cn.unionportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (issue 12): on the Weihai-scale database that {@code WeihaiScaleBenchmark}
 * generated ({@code portal_bench}, or {@code PORTAL_BENCH_DB_URL}), times the federation-wide
 * statistics report for last year (first call after start = cold, then warm runs), the same
 * year's member figures by plain SQL aggregates in the same run, and the home page's headline
 * figures (cached) p95. Writes {@code target/benchmarks/statistics.md}.
 *
 * <p>Run {@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=WeihaiScaleBenchmark}
 * once, then {@code PORTAL_BENCH_REUSE=true ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -Dtest=StatisticsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
class StatisticsBenchmark {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/portal_bench");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PORTAL_BENCH_DB_USER", "postgres"));
		registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PORTAL_BENCH_DB_PASSWORD", ""));
		registry.add("portal.demo.enabled", () -> "false");
		registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/vendor/{vendor}");
		registry.add("portal.data.key", () -> PostgresIntegrationTest.TEST_DATA_KEY);
		registry.add("portal.public-base-url", () -> PostgresIntegrationTest.PUBLIC_BASE_URL);
	}

	@Autowired
	StatisticsManagement statistics;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void federationReportAgainstPlainAggregates() throws IOException {
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class)).as("generate Weihai first").isPositive();
		CurrentUser federation = CurrentUser.system(organizations.rootId());
		int year = statistics.currentYear() - 1;
		long cold = time(() -> statistics.report(federation, null, year));
		long[] warm = runs(10, () -> statistics.report(federation, null, year));
		StatisticsPeriod period = statistics.report(federation, null, year).period();
		long[] plain = runs(10, () -> jdbc.queryForList("""
				SELECT m.employment_type, m.gender, COUNT(*) FROM member m LEFT JOIN member_exit x ON x.member_id = m.id
				WHERE m.join_date <= ? AND (m.status = 'ACTIVE' OR x.left_on > ?) GROUP BY m.employment_type, m.gender""",
				java.sql.Date.valueOf(period.end()), java.sql.Date.valueOf(period.end())));
		statistics.headlines(federation);
		long[] home = runs(200, () -> statistics.headlines(federation));
		List<String> lines = new ArrayList<>();
		lines.add("# Statistics benchmark");
		lines.add("");
		lines.add("| measure | ms |");
		lines.add("|---|---|");
		lines.add("| federation report " + year + ", cold (first call) | " + cold + " |");
		lines.add("| federation report, warm p50 | " + warm[warm.length / 2] + " |");
		lines.add("| members by plain SQL aggregate, p50 | " + plain[plain.length / 2] + " |");
		lines.add("| home headlines p95 | " + home[(int) (home.length * 0.95)] + " |");
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.write(Path.of("target", "benchmarks", "statistics.md"), lines);
		lines.forEach(System.out::println);
	}

	private static long time(Runnable run) {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long[] runs(int n, Runnable run) {
		long[] times = new long[n];
		for (int i = 0; i < n; i++) {
			times[i] = time(run);
		}
		Arrays.sort(times);
		return times;
	}
}
