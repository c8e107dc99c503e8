package cn.unionportal.member;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer threads of one import: {@value MemberImportTask#WRITERS} batches are written at the
 * same time while the reader goes on; at most {@value MemberImportTask#IN_FLIGHT} wait, so memory
 * stays bounded. The first failure of a writer stops the import (batches already committed stay
 * whole).
 */
final class ImportWriterThreads<B> {

	private static final Logger log = LoggerFactory.getLogger(ImportWriterThreads.class);

	private final long jobId;

	private final Consumer<B> writer;

	private final ExecutorService threads;

	private final Semaphore slots = new Semaphore(MemberImportTask.IN_FLIGHT);

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	ImportWriterThreads(long jobId, Consumer<B> writer) {
		this.jobId = jobId;
		this.writer = writer;
		AtomicInteger number = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(MemberImportTask.WRITERS, task -> {
			Thread thread = new Thread(task, "member-import-" + jobId + "-writer-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	void write(B batch) {
		rethrowFailure();
		slots.acquireUninterruptibly();
		threads.execute(() -> {
			try {
				if (failure.get() == null) {
					writer.accept(batch);
				}
			}
			catch (RuntimeException failed) {
				failure.compareAndSet(null, failed);
			}
			finally {
				slots.release();
			}
		});
	}

	/** Waits for the batches on their way; rethrows a writer's failure. */
	void finish() {
		slots.acquireUninterruptibly(MemberImportTask.IN_FLIGHT);
		slots.release(MemberImportTask.IN_FLIGHT);
		rethrowFailure();
	}

	/** Lets running batches end (each commits or rolls back whole) and ends the threads. */
	void stop() {
		threads.shutdown();
		try {
			if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
				log.warn("member import {}: writers still busy after a minute", jobId);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void rethrowFailure() {
		RuntimeException failed = failure.get();
		if (failed != null) {
			throw failed;
		}
	}
}
