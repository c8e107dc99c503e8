package cn.unionportal.shared.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table's retention rule, implemented by the module that owns the table (a Spring bean; the
 * {@link RetentionJob} finds them all).
 */
public interface RetentionTask {

	/** A short name for the log, e.g. {@code login_event}. */
	String name();

	/**
	 * Deletes up to {@code batchSize} rows that have outlived their retention at {@code now}, in the
	 * caller's transaction. @return how many rows were deleted (fewer than the batch: done)
	 */
	int purgeBatch(Instant now, RetentionSettings settings, int batchSize);

	/**
	 * The rule most tables need: rows of {@code table} (with an {@code id} key) whose
	 * {@code timeColumn} lies further back than the retention, deleted oldest ids first. Table and
	 * column are constants of the owning module, never input.
	 */
	static RetentionTask deletingOlderThan(JdbcClient jdbc, String table, String timeColumn,
			Function<RetentionSettings, Duration> retention) {
		String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + timeColumn
				+ " < :cutoff ORDER BY id LIMIT :batch)";
		return new RetentionTask() {

			@Override
			public String name() {
				return table;
			}

			@Override
			public int purgeBatch(Instant now, RetentionSettings settings, int batchSize) {
				return jdbc.sql(sql)
					.param("cutoff", Timestamp.from(now.minus(retention.apply(settings))))
					.param("batch", batchSize)
					.update();
			}
		};
	}
}
