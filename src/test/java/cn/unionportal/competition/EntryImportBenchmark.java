package cn.unionportal.competition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.unionportal.competition.CompetitionManagement.CompetitionData;
import cn.unionportal.competition.CompetitionManagement.TradeData;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (issue 10): an entry import of 10,000 rows (a real .xlsx built with POI)
 * into one trade, on the Weihai-scale database ({@code PORTAL_BENCH_DB_URL}, a copy of
 * {@code portal_bench}: 570,000 members). Times the whole {@link EntryImport#run} (reading the
 * workbook, the checks and the writes) three times, each into a new competition.
 *
 * <p>{@code createdb -h 127.0.0.1 -U postgres -T portal_bench portal_bench_comp} then
 * {@code PORTAL_BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/portal_bench_comp?reWriteBatchedInserts=true"
 * ./mvnw test -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=EntryImportBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
class EntryImportBenchmark {

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
	EntryImport entryImport;

	@Autowired
	CompetitionManagement competitions;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void tenThousandRows() throws Exception {
		int year = LocalDate.now(CompetitionFixture.ZONE).getYear();
		List<String> cards = jdbc.queryForList("""
				SELECT card_number FROM member WHERE status = 'ACTIVE' AND birth_year BETWEEN ? AND ?
				ORDER BY id LIMIT 10000""", String.class, year - 60, year - 18);
		assertThat(cards).as("generate Weihai first").hasSize(10_000);
		byte[] file = xlsx(cards);
		CurrentUser federation = CurrentUser.system(organizations.rootId());
		LocalDate today = LocalDate.now(CompetitionFixture.ZONE);
		long[] times = new long[3];
		for (int run = 0; run < times.length; run++) {
			long competition = competitions.create(federation, new CompetitionData("导入基准竞赛" + System.nanoTime(), year,
					organizations.rootId(), CompetitionTier.ENTERPRISE, false, false, today.minusDays(1), today.plusDays(10),
					today.plusDays(20), today.plusDays(21), "基准", 5));
			long trade = competitions.addTrade(federation, competition, new TradeData("焊工", 20, 80, 20_000, 18, 60, Set.of(),
					0, 20_000, 5, TrimRule.AUTO, new BigDecimal("15"), TieBreak.DEFAULT,
					List.of(new Scoring.PrizeLevel(1, BigDecimal.ONE, 1), new Scoring.PrizeLevel(2, BigDecimal.ONE, 4),
							new Scoring.PrizeLevel(3, BigDecimal.ONE, 6))));
			competitions.advance(federation, competition, 0);
			long t0 = System.nanoTime();
			EntryImport.Result result = entryImport.run(federation, trade, new ByteArrayInputStream(file));
			times[run] = (System.nanoTime() - t0) / 1_000_000;
			assertThat(result.registered()).as(String.valueOf(result.errors().stream().limit(3).map(e -> e.messageKey()).toList()))
				.isEqualTo(10_000);
		}
		System.out.printf("[benchmark] entry import of 10,000 rows (.xlsx %,d bytes): runs %s ms%n", file.length,
				java.util.Arrays.toString(times));
	}

	private static byte[] xlsx(List<String> cards) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("报名");
			sheet.createRow(0).createCell(0).setCellValue("会员卡号");
			for (int i = 0; i < cards.size(); i++) {
				var row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(cards.get(i));
				row.createCell(1).setCellValue(2);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
