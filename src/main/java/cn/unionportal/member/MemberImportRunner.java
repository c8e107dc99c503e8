package cn.unionportal.member;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background on a small pool of its own ({@value #THREADS} threads, at most
 * {@value #QUEUE} waiting), so that large files neither hold a request thread nor compete with
 * the rest of the portal. The pool is deliberately not a bean of type {@code Executor}: one would
 * switch off Spring Boot's {@code applicationTaskExecutor}. Uploads wait in
 * {@code java.io.tmpdir/union-portal-imports} and are deleted when their import ends.
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

	MemberImportRunner(MemberImportJobs jobs) throws IOException {
		this.jobs = jobs;
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

	/** Imports that were running when the application stopped will not finish: say so. */
	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedImports() {
		int failed = jobs.failUnfinished(INTERRUPTED);
		if (failed > 0) {
			log.warn("{} member import(s) were interrupted by a restart and are marked as failed", failed);
		}
		deleteStaleUploads();
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
		executor.shutdown();
	}
}
