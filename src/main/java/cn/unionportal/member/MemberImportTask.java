package cn.unionportal.member;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.unionportal.member.ImportRowValidator.Outcome;
import cn.unionportal.member.ImportRowValidator.Rejected;
import cn.unionportal.member.ImportRowValidator.Valid;
import cn.unionportal.member.MemberImportJobs.StoredRejection;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import from start to end, on an import thread: counts the rows, then reads them once,
 * checks each ({@link ImportRowValidator}), drops repeats within the file ({@link PersonKeys}) and
 * hands batches of {@value #BATCH} rows to {@value #WRITERS} writer threads, so reading and
 * writing overlap. Before a batch is written its people are looked up in the registry with one
 * query; the batch, its rejected rows and the progress are then committed in one transaction
 * (asynchronously on PostgreSQL: the job's end is a synchronous commit, which makes every batch
 * before it durable). If a concurrent registration makes the batch fail, the whole batch rolls back
 * and its rows are written one by one, each alone, rejecting the duplicates.
 */
final class MemberImportTask implements Runnable {

	static final int BATCH = 1000;

	/** Batches written at the same time (each on a connection of its own). */
	static final int WRITERS = 2;

	/** Batches handed over and not yet written, at most (including the ones being written). */
	static final int IN_FLIGHT = WRITERS + 2;

	static final String SUBJECT = "MEMBER_IMPORT";

	private static final Logger log = LoggerFactory.getLogger(MemberImportTask.class);

	/** What the task needs from the application (one bean, so that {@link MemberImports} needs one collaborator). */
	@Component
	record Services(MemberImportJobs jobs, MemberBatchWriter writer, JdbcClient jdbc, TransactionTemplate transactions,
			PersonalDataCipher cipher, AuditTrail audit, NodeStopping node) {

		@Autowired
		Services(MemberImportJobs jobs, MemberBatchWriter writer, JdbcClient jdbc,
				PlatformTransactionManager transactionManager, PersonalDataCipher cipher, AuditTrail audit,
				NodeStopping node) {
			this(jobs, writer, jdbc, new TransactionTemplate(transactionManager), cipher, audit, node);
		}
	}

	/** A checked row waiting for its batch. */
	private record Pending(int rowNumber, String[] cells, MemberBatchWriter.Row row) {
	}

	/** A member already registered, found by the ID hash. */
	private record Registered(long organizationId, String cardNumber) {
	}

	private final Services services;

	private final long jobId;

	private final String uploadedBy;

	private final long scopeOrganizationId;

	private final Path file;

	private final StreamingSheetReader.Header header;

	private final OrganizationDirectory organizations;

	private final ImportRowValidator validator;

	private final PersonKeys seen = new PersonKeys();

	private final ImportWriterThreads<Batch> writers;

	private List<Pending> pending = new ArrayList<>(BATCH);

	private List<StoredRejection> rejections = new ArrayList<>();

	private final AtomicInteger imported = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	MemberImportTask(Services services, long jobId, String uploadedBy, long scopeOrganizationId, Path file,
			StreamingSheetReader.Header header, OrganizationDirectory organizations, ImportRowValidator validator) {
		this.services = services;
		this.jobId = jobId;
		this.uploadedBy = uploadedBy;
		this.scopeOrganizationId = scopeOrganizationId;
		this.file = file;
		this.header = header;
		this.organizations = organizations;
		this.validator = validator;
		this.writers = new ImportWriterThreads<>(jobId, this::write);
	}

	@Override
	public void run() {
		long started = System.nanoTime();
		try {
			services.jobs().start(jobId, StreamingSheetReader.countDataRows(file));
			StreamingSheetReader.read(file, header, this::accept);
			handOver();
			writers.finish();
			finish(MemberImportStatus.DONE, null);
			log.info("member import {}: {} rows imported, {} rejected in {} ms", jobId, imported, rejected,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (StreamingSheetReader.UnreadableException damaged) {
			if (stoppedByShutdown(damaged)) {
				stoppedByShutdown();
			}
			else {
				log.warn("member import {} stopped: the file cannot be read ({})", jobId, damaged.getMessage());
				finish(MemberImportStatus.FAILED, "member.import.failure.unreadable");
			}
		}
		catch (RuntimeException unexpected) {
			if (stoppedByShutdown(unexpected)) {
				stoppedByShutdown();
			}
			else {
				log.error("member import {} failed", jobId, unexpected);
				finish(MemberImportStatus.FAILED, "member.import.failure.unexpected");
			}
		}
		finally {
			writers.stop();
			deleteUpload();
		}
	}

	/**
	 * The node is stopping (its executor interrupts the import): the same outcome as when another
	 * node settles the job of a node that died, not "the file cannot be read".
	 */
	private void stoppedByShutdown() {
		log.warn("member import {} stopped: this node is shutting down", jobId);
		finish(MemberImportStatus.FAILED, MemberImportRunner.INTERRUPTED);
	}

	/** An interruption anywhere in the chain: the executor is shutting the node down. */
	private boolean stoppedByShutdown(Throwable failure) {
		if (services.node().isStopping() || Thread.currentThread().isInterrupted()) {
			return true;
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
					|| t instanceof java.nio.channels.ClosedByInterruptException) {
				return true;
			}
		}
		return false;
	}

	// ---- rows (reader thread) --------------------------------------------------------------

	private void accept(int rowNumber, String[] cells) {
		Outcome outcome = validator.validate(cells);
		if (outcome instanceof Rejected refused) {
			reject(rowNumber, cells, refused.reasonKey(), refused.arguments());
		}
		else if (outcome instanceof Valid valid) {
			int first = seen.firstSeen(valid.personKey(), rowNumber);
			if (first > 0) {
				reject(rowNumber, cells, "member.import.reason.duplicateInFile", List.of(String.valueOf(first)));
			}
			else {
				pending.add(new Pending(rowNumber, cells, valid.row()));
			}
		}
		if (pending.size() >= BATCH || rejections.size() >= BATCH) {
			handOver();
		}
	}

	private void reject(int rowNumber, String[] cells, String reasonKey, List<String> arguments) {
		rejections.add(new StoredRejection(rowNumber, reasonKey, ImportCells.joinArguments(arguments), protect(cells)));
	}

	/** Gives the collected rows to a writer; waits while {@value #IN_FLIGHT} batches are on their way. */
	private void handOver() {
		Batch batch = new Batch(pending, rejections);
		pending = new ArrayList<>(BATCH);
		rejections = new ArrayList<>();
		writers.write(batch);
	}

	// ---- batches (writer threads) ----------------------------------------------------------

	/** Rows of one batch that passed the checks, and the ones refused so far. */
	private record Batch(List<Pending> rows, List<StoredRejection> rejections) {
	}

	private void write(Batch batch) {
		List<Pending> fresh = withoutRegistered(batch);
		try {
			services.transactions().executeWithoutResult(status -> {
				services.writer().commitAsynchronously();
				services.writer().insert(fresh.stream().map(Pending::row).toList());
				commitProgress(batch.rejections(), fresh.size());
			});
		}
		catch (DataIntegrityViolationException concurrentRegistration) {
			log.info("member import {}: a batch met a concurrent registration; writing its rows one by one", jobId);
			writeOneByOne(fresh, batch.rejections());
		}
	}

	/** Rejects the rows whose person is already an active member (one query for the batch). */
	private List<Pending> withoutRegistered(Batch batch) {
		if (batch.rows().isEmpty()) {
			return batch.rows();
		}
		List<String> hashes = new ArrayList<>(batch.rows().size());
		for (Pending p : batch.rows()) {
			hashes.add(services.writer().idHash(p.row().idNumber()));
		}
		Map<String, Registered> registered = registered(hashes);
		if (registered.isEmpty()) {
			return batch.rows();
		}
		List<Pending> fresh = new ArrayList<>(batch.rows().size());
		for (int i = 0; i < hashes.size(); i++) {
			Pending p = batch.rows().get(i);
			Registered existing = registered.get(hashes.get(i));
			if (existing == null) {
				fresh.add(p);
			}
			else {
				batch.rejections().add(registeredRejection(p, existing));
			}
		}
		return fresh;
	}

	private Map<String, Registered> registered(List<String> hashes) {
		Map<String, Registered> found = new HashMap<>();
		services.jdbc()
			.sql("SELECT active_id_hash, organization_id, card_number FROM member WHERE active_id_hash IN (:hashes)")
			.param("hashes", hashes)
			.query(rs -> {
				found.put(rs.getString(1), new Registered(rs.getLong(2), rs.getString(3)));
			});
		return found;
	}

	private StoredRejection registeredRejection(Pending p, Registered existing) {
		OrganizationSummary home = organizations.byId(existing.organizationId());
		if (home != null) {
			return new StoredRejection(p.rowNumber(), "member.import.reason.registeredInScope",
					ImportCells.joinArguments(List.of(home.name(), existing.cardNumber())), protect(p.cells()));
		}
		return new StoredRejection(p.rowNumber(), "member.import.reason.registeredElsewhere", null, protect(p.cells()));
	}

	/** After a failed batch: every row in a transaction of its own, duplicates rejected. */
	private void writeOneByOne(List<Pending> rows, List<StoredRejection> refused) {
		int written = 0;
		List<StoredRejection> all = new ArrayList<>(refused);
		for (Pending p : rows) {
			try {
				services.transactions().executeWithoutResult(status -> services.writer().insert(List.of(p.row())));
				written++;
			}
			catch (DataIntegrityViolationException duplicate) {
				all.add(new StoredRejection(p.rowNumber(), "member.import.reason.registeredMeanwhile", null,
						protect(p.cells())));
			}
		}
		int writtenRows = written;
		services.transactions().executeWithoutResult(status -> commitProgress(all, writtenRows));
	}

	/** Records the batch's rejections and adds its counts to the import (in the batch's transaction). */
	private void commitProgress(List<StoredRejection> refused, int written) {
		services.jobs().addRejections(jobId, refused);
		services.jobs().addProgress(jobId, written, refused.size());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				imported.addAndGet(written);
				rejected.addAndGet(refused.size());
			}
		});
	}

	// ---- end -------------------------------------------------------------------------------

	private void finish(MemberImportStatus status, String failure) {
		writers.stop();
		int rows = imported.get() + rejected.get();
		try {
			services.transactions().executeWithoutResult(tx -> {
				services.jobs().finish(jobId, status, rows, failure);
				services.audit().record(uploadedBy, "IMPORT", SUBJECT, jobId, scopeOrganizationId,
						"status=" + status + "; rows=" + rows + "; imported=" + imported + "; rejected=" + rejected
								+ (failure == null ? "" : "; failure=" + failure));
			});
		}
		catch (RuntimeException unrecorded) {
			log.error("member import {}: could not record the end ({})", jobId, status, unrecorded);
		}
	}

	private void deleteUpload() {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException locked) {
			log.warn("member import {}: could not delete the upload {}", jobId, file, locked);
		}
	}

	/** The row's values as the file had them, encrypted (they hold ID and phone numbers). */
	private String protect(String[] cells) {
		return services.cipher().encrypt(ImportCells.raw(cells));
	}
}
