package cn.unionportal.shared.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.CronTask;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly purge: old rows of every growing table go, recent ones stay; household file access
 * stays as long as the file and five years after it ended.
 */
@Transactional
class RetentionJobTest extends PostgresIntegrationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	List<RetentionTask> tasks;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	ScheduledAnnotationBeanPostProcessor scheduling;

	private static Timestamp daysAgo(long days) {
		return Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS));
	}

	private long count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Long.class, arguments);
	}

	/** A household file of a member without an open one; ended files carry their end dates. */
	private long file(String status, LocalDate closedOn, LocalDate supportUntil, Timestamp updatedAt) {
		long member = jdbc.queryForObject("""
				SELECT MIN(m.id) FROM member m
				WHERE NOT EXISTS (SELECT 1 FROM hardship_file f WHERE f.open_member_id = m.id)
				""", Long.class);
		long organization = jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, member);
		boolean ended = status.equals("CLOSED") || status.equals("REJECTED");
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size,
				  applied_by, applied_at, closed_on, support_until, open_member_id,
				  created_at, updated_at)
				VALUES (?, ?, ?, 'DEEP', 'ILLNESS', 3, 'test', ?, ?, ?, ?, ?, ?)
				""", member, organization, status, daysAgo(4000), closedOn == null ? null : Date.valueOf(closedOn),
				supportUntil == null ? null : Date.valueOf(supportUntil), ended ? null : member, daysAgo(4000), updatedAt);
		long id = jdbc.queryForObject("SELECT MAX(id) FROM hardship_file", Long.class);
		jdbc.update("INSERT INTO hardship_file_access (file_id, viewer, viewed_at) VALUES (?, 'retention-test', ?)", id,
				daysAgo(3900));
		return id;
	}

	private long accesses(long file) {
		return count("SELECT COUNT(*) FROM hardship_file_access WHERE file_id = ?", file);
	}

	@Test
	void oldRowsGoAndRecentOnesStayInBatches() {
		for (int i = 0; i < 5; i++) {
			jdbc.update("INSERT INTO login_event (occurred_at, username, remote_address, success, outcome) VALUES (?, 'retention-old', '10.60.0.1', FALSE, 'BAD_CREDENTIALS')",
					daysAgo(181));
			jdbc.update("INSERT INTO status_lookup_attempt (lookup_code, address, attempted_at) VALUES ('RETENTIONOLD', '10.60.0.1', ?)",
					daysAgo(8));
			jdbc.update("INSERT INTO activation_attempt (card_number, address, attempted_at) VALUES ('RETENTIONOLD', '10.60.0.1', ?)",
					daysAgo(8));
		}
		jdbc.update("INSERT INTO login_event (occurred_at, username, remote_address, success, outcome) VALUES (?, 'retention-new', '10.60.0.1', FALSE, 'BAD_CREDENTIALS')",
				daysAgo(179));
		jdbc.update("INSERT INTO status_lookup_attempt (lookup_code, address, attempted_at) VALUES ('RETENTIONNEW', '10.60.0.1', ?)",
				daysAgo(6));
		jdbc.update("INSERT INTO activation_attempt (card_number, address, attempted_at) VALUES ('RETENTIONNEW', '10.60.0.1', ?)",
				daysAgo(6));
		jdbc.update("""
				INSERT INTO attempt_counter (limit_name, limit_key, window_start, window_end, attempts)
				VALUES ('retention', 'old', ?, ?, 3), ('retention', 'new', ?, ?, 3)
				""", daysAgo(9), daysAgo(8), daysAgo(1), Timestamp.from(Instant.now().plus(10, ChronoUnit.MINUTES)));

		// two rows per transaction: the five old rows of a table take three batches
		RetentionJob job = new RetentionJob(tasks, new RetentionSettings(null, null, null, null, 2), transactions, clock);
		Map<String, Integer> deleted = job.purgeAll();

		assertThat(deleted).containsKeys("login_event", "status_lookup_attempt", "activation_attempt", "attempt_counter",
				"hardship_file_access");
		assertThat(deleted.get("login_event")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM login_event WHERE username = 'retention-old'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM login_event WHERE username = 'retention-new'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM status_lookup_attempt WHERE lookup_code = 'RETENTIONOLD'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM status_lookup_attempt WHERE lookup_code = 'RETENTIONNEW'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM activation_attempt WHERE card_number = 'RETENTIONOLD'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM activation_attempt WHERE card_number = 'RETENTIONNEW'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM attempt_counter WHERE limit_name = 'retention' AND limit_key = 'old'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM attempt_counter WHERE limit_name = 'retention' AND limit_key = 'new'"))
			.isEqualTo(1);
	}

	@Test
	void fileAccessStaysWithTheFileAndFiveYearsAfterItEnded() {
		LocalDate today = LocalDate.now(ZONE);
		long open = file("FILED", null, null, daysAgo(3900));
		long closedLongAgo = file("CLOSED", today.minusYears(6), today.minusYears(5).minusMonths(6), daysAgo(3000));
		long closedRecently = file("CLOSED", today.minusYears(4), today.minusYears(3), daysAgo(3000));
		long supportRunsOn = file("CLOSED", today.minusYears(6), today.minusYears(4), daysAgo(3000));
		long rejectedLongAgo = file("REJECTED", null, null, daysAgo(6 * 366));
		long rejectedRecently = file("REJECTED", null, null, daysAgo(2 * 365));

		new RetentionJob(tasks, new RetentionSettings(null, null, null, null, 0), transactions, clock).purgeAll();

		assertThat(accesses(open)).isEqualTo(1);
		assertThat(accesses(closedLongAgo)).isZero();
		assertThat(accesses(closedRecently)).isEqualTo(1);
		assertThat(accesses(supportRunsOn)).isEqualTo(1);
		assertThat(accesses(rejectedLongAgo)).isZero();
		assertThat(accesses(rejectedRecently)).isEqualTo(1);
	}

	@Test
	void thePurgeIsScheduledNightlyByDefault() {
		assertThat(scheduling.getScheduledTasks()).anySatisfy(task -> {
			assertThat(task.getTask()).isInstanceOf(CronTask.class);
			assertThat(((CronTask) task.getTask()).getExpression()).isEqualTo("0 30 3 * * *");
		});
		RetentionSettings defaults = new RetentionSettings(null, null, null, null, 0);
		assertThat(defaults.attempts()).hasDays(7);
		assertThat(defaults.loginLog()).hasDays(180);
		assertThat(defaults.fileAccessAfterEnd().getYears()).isEqualTo(5);
		assertThat(defaults.batchSize()).isEqualTo(1000);
	}
}
