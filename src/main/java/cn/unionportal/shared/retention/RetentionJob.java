package cn.unionportal.shared.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly purge: every {@link RetentionTask} in turn, in batches of
 * {@link RetentionSettings#batchSize()} rows, each batch in a transaction of its own (short locks,
 * no huge undo), until a batch comes back short.
 * <p>
 * {@link #purgeAll()} is the one entry point, called by the schedule and by tests. On several
 * nodes each would run it; the deletes are idempotent, so that is harmless, and a cluster lock
 * (for instance ShedLock's {@code @SchedulerLock}) can wrap {@link #runOnSchedule()} later without
 * touching the tasks.
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

	@Scheduled(cron = "${portal.retention.cron:0 30 3 * * *}", zone = "${portal.time-zone:Asia/Shanghai}")
	void runOnSchedule() {
		purgeAll();
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
