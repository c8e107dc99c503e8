package cn.unionportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (issue 12): on the Weihai-scale database that {@code WeihaiScaleBenchmark}
 * generated ({@code portal_bench}, or {@code PORTAL_BENCH_DB_URL}; use a copy, the first run writes
 * the stored figures), in one run:
 * <ol>
 * <li>makes sure the stored figures of the trend years exist (this context);</li>
 * <li>starts a fresh application context on the same database (a restart: empty pools and
 * caches) and times its first federation-wide report of last year (cold), then warm runs;</li>
 * <li>times the same year's figures by plain SQL aggregates: the member aggregate by employment
 * type and gender, and every section's grouped queries (what the report computed per request
 * before V27);</li>
 * <li>times the home page's headline figures (p95).</li>
 * </ol>
 * Writes {@code target/benchmarks/statistics.md}.
 *
 * <p>Run {@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=WeihaiScaleBenchmark}
 * once, then {@code PORTAL_BENCH_REUSE=true ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -Dtest=StatisticsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
class StatisticsBenchmark {

	static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url",
				System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/portal_bench"));
		properties.put("spring.datasource.username", System.getenv().getOrDefault("PORTAL_BENCH_DB_USER", "postgres"));
		properties.put("spring.datasource.password", System.getenv().getOrDefault("PORTAL_BENCH_DB_PASSWORD", ""));
		properties.put("portal.demo.enabled", "false");
		properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/vendor/{vendor}");
		properties.put("portal.data.key", PostgresIntegrationTest.TEST_DATA_KEY);
		properties.put("portal.public-base-url", PostgresIntegrationTest.PUBLIC_BASE_URL);
		// the scheduled refresh stays out of the timings; step 1 materializes explicitly
		properties.put("portal.statistics.refresh-initial-seconds", "86400");
		return properties;
	}

	/** The same settings as command-line arguments (above application.properties, as in the test context). */
	private static String[] arguments() {
		List<String> arguments = new ArrayList<>();
		properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.add("--server.port=0");
		return arguments.toArray(String[]::new);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@Autowired
	StatisticsManagement statistics;

	@Autowired
	StatisticsRefresh refresh;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void federationReportAgainstPlainAggregates() throws IOException {
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class)).as("generate Weihai first").isPositive();
		CurrentUser federation = CurrentUser.system(organizations.rootId());
		int year = statistics.currentYear() - 1;
		long prepare = time(() -> refresh.ensure(java.util.stream.IntStream.rangeClosed(year - 4, year + 1).boxed().toList()));
		long cold;
		long[] warm;
		long[] home;
		StatisticsPeriod period;
		try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(cn.unionportal.PortalApplication.class)
			.run(arguments())) {
			StatisticsManagement restarted = fresh.getBean(StatisticsManagement.class);
			cold = time(() -> restarted.report(federation, null, year));
			warm = runs(20, () -> restarted.report(federation, null, year));
			period = restarted.report(federation, null, year).period();
			restarted.headlines(federation);
			home = runs(200, () -> restarted.headlines(federation));
		}
		long[] plain = runs(5, () -> jdbc.queryForList("""
				SELECT m.employment_type, m.gender, COUNT(*) FROM member m LEFT JOIN member_exit x ON x.member_id = m.id
				WHERE m.join_date <= ? AND (m.status = 'ACTIVE' OR x.left_on > ?) GROUP BY m.employment_type, m.gender""",
				java.sql.Date.valueOf(period.end()), java.sql.Date.valueOf(period.end())));
		long[] sections = runs(3, () -> refresh.compute(organizations.rootId(), year));
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<String> lines = new ArrayList<>();
		lines.add("# Statistics benchmark");
		lines.add("");
		lines.add("| measure | ms |");
		lines.add("|---|---|");
		lines.add("| stored figures of " + (year - 4) + "-" + (year + 1) + " made sure of (first run: computed) | " + prepare + " |");
		lines.add("| federation report " + year + ", cold (first call after a fresh start) | " + cold + " |");
		lines.add("| federation report, warm p50 / max | " + warm[warm.length / 2] + " / " + warm[warm.length - 1] + " |");
		lines.add("| members by plain SQL aggregate (employment x gender), p50 | " + plain[plain.length / 2] + " |");
		lines.add("| every section's grouped SQL for the year (the old per-request work), p50 | " + sections[sections.length / 2] + " |");
		lines.add("| home headlines p95 | " + home[(int) (home.length * 0.95)] + " |");
		lines.add("");
		lines.add("load average (1 min) at the end: " + load);
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
