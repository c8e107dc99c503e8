package cn.unionportal.member;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures (does not time-box) the import of 100,000 (or {@code portal.bench.import-rows}) synthetic members spread over the
 * member homes of the whole federation, as the federation administrator: rows per second and the
 * peak heap while importing. Excluded from the normal build (tag {@code benchmark}); run with
 * {@code ./mvnw test -Dtest=MemberImportBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark
 * -DargLine=-Xmx512m}.
 */
@Tag("benchmark")
class MemberImportBenchmark extends PostgresIntegrationTest {

	/** Rows of the file: 100,000, or {@code -Dportal.bench.import-rows=570000} for the whole federation. */
	static final int ROWS = Integer.getInteger("portal.bench.import-rows", 100_000);

	static final long SEED = 20_260_501L;

	@Autowired
	MemberImports imports;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	UserDetailsService users;

	@Test
	void importsOneHundredThousandRows() throws Exception {
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		List<OrganizationSummary> homes = OrganizationDirectory.of(organizations, admin).activeMemberHomes();
		Path file = Files.createTempFile("benchmark", ".xlsx");
		long generating = System.nanoTime();
		try (OutputStream out = Files.newOutputStream(file)) {
			ImportFiles.largeXlsx(out, () -> rows(homes));
		}
		System.out.printf("[benchmark] wrote %,d rows (%,d bytes) in %,d ms%n", ROWS, Files.size(file),
				(System.nanoTime() - generating) / 1_000_000);

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		long started = System.nanoTime();
		long id;
		try (InputStream in = Files.newInputStream(file)) {
			id = imports.start(admin, "benchmark.xlsx", in);
		}
		MemberImports.ImportJob job = ImportTestSupport.awaitFinished(imports, admin, id, Duration.ofMinutes(40));
		double seconds = (System.nanoTime() - started) / 1e9;
		sampler.interrupt();
		Files.deleteIfExists(file);

		System.out.printf("[benchmark] %s: %,d imported, %,d rejected of %,d rows in %.1f s = %,.0f rows/s%n",
				job.status(), job.importedRows(), job.rejectedRows(), job.processedRows(), seconds,
				job.processedRows() / seconds);
		System.out.printf("[benchmark] heap: max %,d MB, used before %,d MB, peak while importing %,d MB%n",
				memory.getHeapMemoryUsage().getMax() >> 20, baseline >> 20, peak.get() >> 20);
		assertThat(job.status()).isEqualTo(MemberImportStatus.DONE);
		assertThat(job.processedRows()).isEqualTo(ROWS);
	}

	/** Synthetic people with a fixed seed, organizations by number, join dates since 2000. */
	private static Iterator<List<Object>> rows(List<OrganizationSummary> homes) {
		SyntheticPeople people = new SyntheticPeople(SEED);
		SplittableRandom random = new SplittableRandom(SEED);
		return new Iterator<>() {

			private int made;

			@Override
			public boolean hasNext() {
				return made < ROWS;
			}

			@Override
			public List<Object> next() {
				made++;
				SyntheticPerson person = people.next();
				OrganizationSummary home = homes.get(random.nextInt(homes.size()));
				LocalDate joined = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000));
				return ImportFiles.row(person.name(), null, null, person.idNumber(), null, person.phone(),
						MemberSheetFormat.label(EmploymentType.valueOf(person.employmentType())),
						String.valueOf(home.id()), joined.isBefore(person.birthDate().plusYears(16))
								? person.birthDate().plusYears(18).toString() : joined.toString());
			}
		};
	}
}
