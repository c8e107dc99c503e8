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

	/**
	 * Rows of an import run before the measured one ({@code -Dportal.bench.import-warmup-rows=20000},
	 * other people), so that the measured one runs on compiled code as in a running portal; 0 by
	 * default (the measured import then includes the JIT compilation of the import path).
	 */
	/**
	 * A file to import instead of one written for the run ({@code -Dportal.bench.import-file=…}):
	 * if it does not exist yet, the run only writes it (and keeps it). POI's writer keeps every
	 * distinct string of the sheet in memory, so the 570,000-row file is written once with a larger
	 * heap, then imported in {@code -Xmx512m} (the ids of the demo organizations are the same in
	 * every fresh test database).
	 */
	static final String FILE = System.getProperty("portal.bench.import-file", "");

	static final int WARMUP_ROWS = Integer.getInteger("portal.bench.import-warmup-rows", 0);

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
		if (WARMUP_ROWS > 0) {
			Path warmup = Files.createTempFile("benchmark-warmup", ".xlsx");
			try (OutputStream out = Files.newOutputStream(warmup)) {
				ImportFiles.largeXlsx(out, () -> rows(homes, WARMUP_ROWS, SEED + 1));
			}
			long warmupId;
			try (InputStream in = Files.newInputStream(warmup)) {
				warmupId = imports.start(admin, "warmup.xlsx", in);
			}
			MemberImports.ImportJob warm = ImportTestSupport.awaitFinished(imports, admin, warmupId,
					Duration.ofMinutes(40));
			Files.deleteIfExists(warmup);
			System.out.printf("[benchmark] warm-up import: %,d rows, %s%n", warm.processedRows(), warm.status());
		}
		boolean given = !FILE.isEmpty() && Files.exists(Path.of(FILE));
		Path file = FILE.isEmpty() ? Files.createTempFile("benchmark", ".xlsx") : Path.of(FILE);
		if (!given) {
			long generating = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(file)) {
				ImportFiles.largeXlsx(out, () -> rows(homes, ROWS, SEED));
			}
			System.out.printf("[benchmark] wrote %,d rows (%,d bytes) in %,d ms%n", ROWS, Files.size(file),
					(System.nanoTime() - generating) / 1_000_000);
			if (!FILE.isEmpty()) {
				return;
			}
		}

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
		CpuAccount cpu = new CpuAccount(jdbc);
		sampler.start();
		cpu.start();
		long started = System.nanoTime();
		long id;
		try (InputStream in = Files.newInputStream(file)) {
			id = imports.start(admin, "benchmark.xlsx", in);
		}
		MemberImports.ImportJob job = ImportTestSupport.awaitFinished(imports, admin, id, Duration.ofMinutes(40));
		double seconds = (System.nanoTime() - started) / 1e9;
		sampler.interrupt();
		cpu.stop();
		if (!given) {
			Files.deleteIfExists(file);
		}

		System.out.printf("[benchmark] %s: %,d imported, %,d rejected of %,d rows in %.1f s = %,.0f rows/s%n",
				job.status(), job.importedRows(), job.rejectedRows(), job.processedRows(), seconds,
				job.processedRows() / seconds);
		System.out.printf("[benchmark] heap: max %,d MB, used before %,d MB, peak while importing %,d MB%n",
				memory.getHeapMemoryUsage().getMax() >> 20, baseline >> 20, peak.get() >> 20);
		cpu.print(job.processedRows(), seconds);
		assertThat(job.status()).isEqualTo(MemberImportStatus.DONE);
		assertThat(job.processedRows()).isEqualTo(ROWS);
	}

	/**
	 * CPU time while importing: the JVM's process CPU, the import's own threads (reader and
	 * writers, by name), and the PostgreSQL backends connected to the test database (from
	 * {@code /proc/<pid>/stat}, sampled every 200 ms, since idle backends may close).
	 */
	private static final class CpuAccount {

		private final org.springframework.jdbc.core.JdbcTemplate jdbc;

		private final java.util.Map<Integer, Long> backendTicks = new java.util.concurrent.ConcurrentHashMap<>();

		private final java.util.Map<Integer, Long> backendStart = new java.util.concurrent.ConcurrentHashMap<>();

		private final java.util.Map<String, Long> threadNanos = new java.util.concurrent.ConcurrentHashMap<>();

		private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();

		private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

		private Thread poller;

		private long processStart;

		private long processEnd;

		CpuAccount(org.springframework.jdbc.core.JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		private java.util.Map<String, Long> tasksAtStart;

		/** CPU ticks of this JVM's native threads by name (GC and JIT threads included). */
		private static java.util.Map<String, Long> tasks() {
			java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
			try (var dirs = Files.list(Path.of("/proc/self/task"))) {
				for (Path dir : dirs.toList()) {
					try {
						String stat = Files.readString(dir.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
							.replaceAll("[0-9]+", "#");
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
					}
					catch (java.io.IOException | RuntimeException gone) {
						// the thread has ended
					}
				}
			}
			catch (java.io.IOException unreadable) {
				// not on Linux
			}
			return ticks;
		}

		void start() {
			tasksAtStart = tasks();
			poll();
			backendStart.putAll(backendTicks);
			processStart = os.getProcessCpuTime();
			poller = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					poll();
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException stop) {
						return;
					}
				}
			}, "cpu-sampler");
			poller.setDaemon(true);
			poller.start();
		}

		void stop() throws InterruptedException {
			processEnd = os.getProcessCpuTime();
			StringBuilder byThread = new StringBuilder("[benchmark] JVM CPU by native thread name (s):");
			tasks().entrySet()
				.stream()
				.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - tasksAtStart.getOrDefault(e.getKey(), 0L)))
				.filter(e -> e.getValue() >= 20)
				.sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> byThread.append(String.format(" %s=%.1f", e.getKey(), e.getValue() / 100.0)));
			System.out.println(byThread);
			poller.interrupt();
			poller.join();
			poll();
		}

		private void poll() {
			for (Integer pid : jdbc.queryForList(
					"SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class)) {
				try {
					String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					backendTicks.merge(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]), Math::max);
				}
				catch (java.io.IOException | RuntimeException gone) {
					// the backend has ended
				}
			}
			for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null && info.getThreadName().startsWith("member-import-")) {
					long nanos = threads.getThreadCpuTime(info.getThreadId());
					if (nanos > 0) {
						String kind = info.getThreadName().contains("-writer-") ? "writers" : "reader";
						threadNanos.merge(info.getThreadName(), nanos, Math::max);
						threadNanos.put("#" + kind, threadNanos.entrySet()
							.stream()
							.filter(e -> !e.getKey().startsWith("#")
									&& e.getKey().contains("-writer-") == kind.equals("writers"))
							.mapToLong(java.util.Map.Entry::getValue)
							.sum());
					}
				}
			}
		}

		void print(int rows, double seconds) {
			double jvm = (processEnd - processStart) / 1e9;
			long ticks = 0;
			for (var e : backendTicks.entrySet()) {
				ticks += e.getValue() - backendStart.getOrDefault(e.getKey(), 0L);
			}
			double pg = ticks / 100.0;
			double reader = threadNanos.getOrDefault("#reader", 0L) / 1e9;
			double writers = threadNanos.getOrDefault("#writers", 0L) / 1e9;
			double k = rows / 1000.0;
			System.out.printf(
					"[benchmark] CPU: JVM %.1f s (import reader %.1f s, writers %.1f s), PostgreSQL backends %.1f s;"
							+ " per 1,000 rows: JVM %.0f ms (reader %.0f, writers %.0f), PostgreSQL %.0f ms;"
							+ " load average at end %.2f%n",
					jvm, reader, writers, pg, jvm * 1000 / k, reader * 1000 / k, writers * 1000 / k, pg * 1000 / k,
					os.getSystemLoadAverage());
		}
	}

	/** Synthetic people with a fixed seed, organizations by number, join dates since 2000. */
	private static Iterator<List<Object>> rows(List<OrganizationSummary> homes, int count, long seed) {
		SyntheticPeople people = new SyntheticPeople(seed);
		SplittableRandom random = new SplittableRandom(seed);
		return new Iterator<>() {

			private int made;

			@Override
			public boolean hasNext() {
				return made < count;
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
