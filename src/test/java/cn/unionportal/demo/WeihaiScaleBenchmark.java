package cn.unionportal.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberCursor;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberQuery.Sort;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: generates the {@link Scale#WEIHAI} federation (570,000 members) into a
 * dedicated PostgreSQL database, times it, then times member searches through
 * {@link MemberManagement#search} for four scopes (the municipal federation, a district, a town,
 * a big grassroots union) and a dozen kinds of query, each warmed up and then run
 * {@value #RUNS} times. Prints p50/p95/p99 and writes them to {@code target/benchmarks/weihai.md}.
 *
 * <p>Run with {@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -Dtest=WeihaiScaleBenchmark}. The database is {@code PORTAL_BENCH_DB_URL} (with
 * {@code PORTAL_BENCH_DB_USER}, {@code PORTAL_BENCH_DB_PASSWORD}), which must be fresh, or else
 * {@code portal_bench} on the local server (127.0.0.1:5432, user postgres, trust), dropped and
 * created afresh. {@code PORTAL_BENCH_REUSE=true} keeps an already generated database and only
 * measures the searches.
 */
@Tag("benchmark")
// every search is counted: the list's memory of over-limit counts (CappedCounts) would otherwise answer
// the repeated runs of a query without counting, and the benchmark would time the memory
@SpringBootTest(properties = "portal.members.over-limit-memory=0s")
class WeihaiScaleBenchmark {

	static final int WARM_UP = 30;

	static final int RUNS = 200;

	static final int PAGE_SIZE = 20;

	private static final boolean REUSE = Boolean.parseBoolean(System.getenv("PORTAL_BENCH_REUSE"));

	@Autowired
	SyntheticFederation federation;

	@Autowired
	MemberManagement members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	DataSource dataSource;

	private final StringBuilder report = new StringBuilder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		String url = System.getenv("PORTAL_BENCH_DB_URL");
		String user = env("PORTAL_BENCH_DB_USER", "postgres");
		String password = env("PORTAL_BENCH_DB_PASSWORD", "");
		if (url == null || url.isBlank()) {
			url = "jdbc:postgresql://127.0.0.1:5432/portal_bench";
			if (!REUSE) {
				try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user,
						password); Statement statement = admin.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS portal_bench WITH (FORCE)");
					statement.execute("CREATE DATABASE portal_bench ENCODING 'UTF8' TEMPLATE template0");
				}
			}
		}
		String benchUrl = url;
		registry.add("spring.datasource.url", () -> benchUrl);
		registry.add("spring.datasource.username", () -> user);
		registry.add("spring.datasource.password", () -> password);
		registry.add("portal.demo.enabled", () -> "false");
		registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/vendor/{vendor}");
		// a database generated elsewhere (for instance with --portal.generate=weihai) has its own key
		registry.add("portal.data.key", () -> env("PORTAL_BENCH_DATA_KEY", PostgresIntegrationTest.TEST_DATA_KEY));
		registry.add("portal.public-base-url", () -> PostgresIntegrationTest.PUBLIC_BASE_URL);
		// hundreds of exact searches by mobile and ID number (the per-user limit is 20 an hour)
		registry.add("portal.members.exact-searches", () -> "1000000");
	}

	@Test
	void generateWeihaiAndMeasureMemberSearch() throws IOException {
		line("# Weihai scale benchmark");
		line("");
		line("PostgreSQL: " + jdbc.queryForObject("SELECT version()", String.class));
		line("Load average at the start (1, 5, 15 min): " + loadAverage());
		long existing = jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class);
		if (REUSE && existing > 0) {
			line("Generation: skipped (PORTAL_BENCH_REUSE=true, " + existing + " members present)");
		}
		else {
			SyntheticFederation.Report generated = federation.generate(Scale.WEIHAI.size(), GenerateCommand.DEFAULT_SEED);
			line(String.format(Locale.ROOT,
					"Generation of `weihai`: %s organizations %s, %d affiliations in %.1f s; %d members in %.1f s "
							+ "(%.0f members/s); total %.1f s",
					generated.organizations().values().stream().mapToInt(Integer::intValue).sum(),
					generated.organizations(), generated.affiliations(), generated.hierarchyTime().toMillis() / 1000.0,
					generated.members(), generated.memberTime().toMillis() / 1000.0, generated.membersPerSecond(),
					generated.total().toMillis() / 1000.0));
			// what autovacuum would soon do: statistics, and the visibility map for index-only scans
			long analyze = System.nanoTime();
			jdbc.execute("VACUUM ANALYZE");
			line(String.format(Locale.ROOT, "VACUUM ANALYZE: %.1f s", (System.nanoTime() - analyze) / 1e9));
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class)).isEqualTo(570_000L);
		// session settings made by migrations (plan_cache_mode) reach connections opened after them
		if (dataSource instanceof HikariDataSource hikari) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
		line("plan_cache_mode: " + jdbc.queryForObject("SHOW plan_cache_mode", String.class));

		long root = jdbc.queryForObject("SELECT id FROM organization WHERE parent_id IS NULL", Long.class);
		long district = jdbc.queryForObject("SELECT id FROM organization WHERE name = '环翠区总工会'", Long.class);
		long town = biggest("TOWNSHIP_UNION");
		long union = biggest("GRASSROOTS_UNION");
		line("");
		line(String.format(Locale.ROOT, "Runs per query: %d after %d warm-up runs; page size %d; times in ms.", RUNS,
				WARM_UP, PAGE_SIZE));
		line("");
		line("| scope | query | rows in scope | p50 | p95 | p99 | max |");
		line("|---|---|---:|---:|---:|---:|---:|");
		// PORTAL_BENCH_SCOPES=municipal (or municipal,district …) measures only those scopes
		List<String> scopes = List.of(env("PORTAL_BENCH_SCOPES", "municipal,district,town,grassroots").split(","));
		if (scopes.contains("municipal")) {
			measureScope("municipal (admin)", staff(root, StaffRole.FEDERATION_ADMIN));
		}
		if (scopes.contains("district")) {
			measureScope("district 环翠区", staff(district, StaffRole.ORG_ADMIN));
		}
		if (scopes.contains("town")) {
			measureScope("town " + name(town), staff(town, StaffRole.ORG_ADMIN));
		}
		if (scopes.contains("grassroots")) {
			measureScope("grassroots " + name(union), staff(union, StaffRole.ORG_ADMIN));
		}
		line("");
		line("Load average at the end (1, 5, 15 min): " + loadAverage());
		Path file = Path.of("target", "benchmarks", "weihai.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	private void measureScope(String label, CurrentUser user) {
		long scope = user.organizationId();
		String inScope = " FROM member m WHERE m.organization_id IN "
				+ "(SELECT descendant_id FROM organization_closure WHERE ancestor_id = " + scope + ")";
		long size = jdbc.queryForObject("SELECT COUNT(*)" + inScope, Long.class);
		// inputs to rotate through: real values from the scope
		List<String> sample = jdbc.queryForList("SELECT m.id" + inScope + " ORDER BY m.card_number", Long.class)
			.stream()
			.filter(id -> id % 7 == 3)
			.limit(50)
			.map(String::valueOf)
			.toList();
		String ids = String.join(",", sample);
		List<String> cards = jdbc.queryForList("SELECT card_number FROM member WHERE id IN (" + ids + ")", String.class);
		List<String> names = jdbc.queryForList("SELECT name FROM member WHERE id IN (" + ids + ")", String.class);
		List<String> phones = jdbc.queryForList("SELECT phone_cipher FROM member WHERE id IN (" + ids + ")", String.class)
			.stream()
			.map(cipher::decrypt)
			.toList();
		List<String> idNumbers = jdbc
			.queryForList("SELECT id_number_cipher FROM member WHERE id IN (" + ids + ")", String.class)
			.stream()
			.map(cipher::decrypt)
			.toList();
		List<String> surnames = List.of("王", "李", "张", "刘", "陈", "于", "孙", "丛", "鞠", "杨");
		int deepPage = (int) Math.min(250, Math.max(0, size / PAGE_SIZE - 1));

		measure(label, size, "all, by name, page 0", i -> query(user, null, null, null, Sort.NAME), 0);
		measure(label, size, "all, by name, page " + deepPage, i -> query(user, null, null, null, Sort.NAME), deepPage);
		// the same page reached through the pager from the page before it (keyset: after its last member)
		MemberQuery byName = new MemberQuery(null, null, null, null, Sort.NAME);
		List<MemberSummary> before = members.search(user, byName, PageRequest.of(Math.max(deepPage - 1, 0), PAGE_SIZE))
			.getContent();
		MemberCursor after = new MemberCursor(deepPage - 1, true, before.get(before.size() - 1).id());
		measure(label, size, "all, by name, page " + deepPage + " from the pager (keyset)",
				i -> new Search(user, byName, after), deepPage);
		measure(label, size, "all, by join date, page 0", i -> query(user, null, null, null, Sort.JOIN_DATE_DESC), 0);
		measure(label, size, "all, by card number, page 0", i -> query(user, null, null, null, Sort.CARD_NUMBER), 0);
		measure(label, size, "surname prefix (王, 于, 鞠 …)",
				i -> query(user, surnames.get(i % surnames.size()), null, null, Sort.NAME), 0);
		measure(label, size, "full-name prefix",
				i -> query(user, names.get(i % names.size()), null, null, Sort.NAME), 0);
		// pinyin (issue 15): the initials of real names (wjc), the surname spelled out with the other
		// initials or the whole name (wangjc / wangjian), and a surname's pinyin alone (the widest)
		List<String> initials = names.stream().map(n -> ChineseNames.pinyinKeys(n).get(0)).toList();
		List<String> mixed = names.stream().map(n -> ChineseNames.pinyinKeys(n).get(1)).toList();
		List<String> surnamePinyin = List.of("wang", "li", "zhang", "liu", "chen", "yu", "sun", "cong", "ju", "yang");
		measure(label, size, "pinyin initials (wjc)", i -> query(user, initials.get(i % initials.size()), null, null,
				Sort.NAME), 0);
		measure(label, size, "pinyin mixed or full (wangjc)", i -> query(user, mixed.get(i % mixed.size()), null, null,
				Sort.NAME), 0);
		measure(label, size, "pinyin surname (wang, li, ju …)",
				i -> query(user, surnamePinyin.get(i % surnamePinyin.size()), null, null, Sort.NAME), 0);
		measure(label, size, "card number", i -> query(user, cards.get(i % cards.size()), null, null, Sort.NAME), 0);
		measure(label, size, "mobile number", i -> query(user, phones.get(i % phones.size()), null, null, Sort.NAME), 0);
		measure(label, size, "ID number",
				i -> query(user, idNumbers.get(i % idNumbers.size()), null, null, Sort.NAME), 0);
		measure(label, size, "migrant workers, by name",
				i -> query(user, null, EmploymentType.MIGRANT_WORKER, null, Sort.NAME), 0);
		measure(label, size, "surname + dispatched + active, by join date", i -> query(user,
				surnames.get(i % surnames.size()), EmploymentType.DISPATCHED, MemberStatus.ACTIVE, Sort.JOIN_DATE_DESC),
				0);
		measure(label, size, "new employment forms + active, by card number",
				i -> query(user, null, EmploymentType.NEW_EMPLOYMENT_FORM, MemberStatus.ACTIVE, Sort.CARD_NUMBER), 0);
	}

	private record Search(CurrentUser user, MemberQuery query, MemberCursor cursor) {
	}

	private Search query(CurrentUser user, String text, EmploymentType employment, MemberStatus status, Sort sort) {
		return new Search(user, new MemberQuery(text, null, employment, status, sort), null);
	}

	private void measure(String scope, long size, String kind, IntFunction<Search> searches, int page) {
		// PORTAL_BENCH_KINDS=pinyin (or pinyin,surname …) measures only the kinds whose label contains one
		String kinds = env("PORTAL_BENCH_KINDS", "");
		if (!kinds.isBlank() && Arrays.stream(kinds.split(",")).noneMatch(kind::contains)) {
			return;
		}
		for (int i = 0; i < WARM_UP; i++) {
			Search search = searches.apply(i);
			members.search(search.user(), search.query(), PageRequest.of(page, PAGE_SIZE), search.cursor());
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			Search search = searches.apply(i);
			long start = System.nanoTime();
			members.search(search.user(), search.query(), PageRequest.of(page, PAGE_SIZE), search.cursor());
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		line(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.1f | %.1f | %.1f |", scope, kind, size,
				percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[RUNS - 1]));
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private long biggest(String type) {
		return jdbc.queryForObject("""
				SELECT o.id FROM organization o
				JOIN organization_closure c ON c.ancestor_id = o.id
				JOIN member m ON m.organization_id = c.descendant_id
				WHERE o.type = ? GROUP BY o.id ORDER BY COUNT(*) DESC, o.id LIMIT 1
				""", Long.class, type);
	}

	private String name(long id) {
		return jdbc.queryForObject("SELECT name FROM organization WHERE id = ?", String.class, id);
	}

	private static CurrentUser staff(long organization, StaffRole role) {
		return new CurrentUser(1, "benchmark", organization, Set.of(role));
	}

	private void line(String text) {
		System.out.println(text);
		report.append(text).append('\n');
	}

	/** Other work on the machine skews the figures; the report says how busy it was. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException unknown) {
			return "unknown";
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
