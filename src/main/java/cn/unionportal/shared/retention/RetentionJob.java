package cn.unionportal.shared.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly purge: every {@link RetentionTask} in turn, in batches of
 * {@link RetentionSettings#batchSize()} rows, each batch in a transaction of its own (short locks,
 * no huge undo), until a batch comes back short.
 * <p>
 * {@link #purgeAll()} is the one entry point, called by {@link RetentionSchedule} (on one node at
 * a time, under a database lease) and by tests.
 */
@Component
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final List<RetentionTask> tasks;

	private final RetentionSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RetentionJob(List<RetentionTask> tasks, RetentionSettings settings, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.tasks = List.copyOf(tasks);
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** Runs every task to the end. @return rows deleted per task */
	public Map<String, Integer> purgeAll() {
		Instant now = clock.instant();
		Map<String, Integer> deleted = new LinkedHashMap<>();
		for (RetentionTask task : tasks) {
			int total = 0;
			int batch;
			do {
				batch = transactions.execute(status -> task.purgeBatch(now, settings, settings.batchSize()));
				total += batch;
			}
			while (batch >= settings.batchSize());
			deleted.put(task.name(), total);
		}
		log.info("Retention purge deleted {}", deleted);
		return deleted;
	}
}
