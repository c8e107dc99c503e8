package cn.unionportal.member;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import cn.unionportal.shared.cluster.NodeIdentity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background on a small pool of its own ({@value #THREADS} threads, at most
 * {@value #QUEUE} waiting), so that large files neither hold a request thread nor compete with
 * the rest of the portal. The pool is deliberately not a bean of type {@code Executor}: one would
 * switch off Spring Boot's {@code applicationTaskExecutor}. Uploads wait in
 * {@code java.io.tmpdir/union-portal-imports} and are deleted when their import ends.
 * <p>
 * Several nodes (issue 14): an import is claimed by the node that received its upload (the file
 * lies on that node's disk) for {@code portal.imports.claim-lease} (default 60 s), renewed every
 * third of it while the node lives. Progress is in the database, so every node shows it. When a
 * node dies, its claims lapse and any node marks those imports as failed (interrupted): the
 * batches already written stay, and the file can be uploaded again (rows already registered are
 * refused as such).
 */
@Component
class MemberImportRunner implements DisposableBean {

	static final int THREADS = 2;

	static final int QUEUE = 20;

	static final String INTERRUPTED = "member.import.failure.interrupted";

	private static final Logger log = LoggerFactory.getLogger(MemberImportRunner.class);

	private static final Duration STALE_UPLOAD = Duration.ofDays(1);

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final MemberImportJobs jobs;

	private final Path directory;

	private final NodeIdentity node;

	private final Duration claimLease;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private volatile ScheduledFuture<?> heartbeat;

	MemberImportRunner(MemberImportJobs jobs, NodeIdentity node,
			@Value("${portal.imports.claim-lease:60s}") Duration claimLease, Clock clock, TaskScheduler scheduler)
			throws IOException {
		this.scheduler = scheduler;
		this.jobs = jobs;
		this.node = node;
		this.claimLease = claimLease;
		this.clock = clock;
		this.directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "union-portal-imports"));
		executor.setBeanName("memberImportExecutor");
		executor.setThreadNamePrefix("member-import-");
		executor.setCorePoolSize(THREADS);
		executor.setMaxPoolSize(THREADS);
		executor.setQueueCapacity(QUEUE);
		executor.initialize();
	}

	/** A new private file for an upload. */
	Path newUploadFile() throws IOException {
		return Files.createTempFile(directory, "import-", ".xlsx");
	}

	/** Queues an import; {@link TaskRejectedException} when too many are waiting. */
	void submit(Runnable task) {
		executor.execute(task);
	}

	/** This node's id, which claims the imports it runs. */
	String node() {
		return node.id();
	}

	/** Until when a claim taken or renewed now holds. */
	Instant claimUntil() {
		return clock.instant().plus(claimLease);
	}

	/** Imports that were running when the application stopped will not finish: say so. */
	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedImports() {
		report(jobs.failClaimedBy(node.id(), INTERRUPTED) + jobs.failLapsed(INTERRUPTED));
		deleteStaleUploads();
		Duration every = claimLease.dividedBy(3);
		heartbeat = scheduler.scheduleWithFixedDelay(this::renewAndSettle, clock.instant().plus(every), every);
	}

	/**
	 * Every third of the claim lease: renews this node's claims, and fails the imports whose
	 * claim lapsed (their node died). Every node runs it; both statements are idempotent.
	 */
	void renewAndSettle() {
		try {
			jobs.renewClaims(node.id(), claimUntil());
			report(jobs.failLapsed(INTERRUPTED));
		}
		catch (RuntimeException databaseAway) {
			log.warn("could not renew the import claims of {}: {}", node.id(), databaseAway.getMessage());
		}
	}

	private static void report(int failed) {
		if (failed > 0) {
			log.warn("{} member import(s) were interrupted (their node stopped) and are marked as failed", failed);
		}
	}

	private void deleteStaleUploads() {
		Instant before = Instant.now().minus(STALE_UPLOAD);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "import-*.xlsx")) {
			for (Path file : files) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException unreadable) {
			log.warn("could not clean up old uploads in {}", directory, unreadable);
		}
	}

	@Override
	public void destroy() {
		ScheduledFuture<?> beat = heartbeat;
		if (beat != null) {
			beat.cancel(false);
		}
		executor.shutdown();
	}
}
