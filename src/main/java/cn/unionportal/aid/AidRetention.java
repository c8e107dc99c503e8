package cn.unionportal.aid;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.unionportal.shared.retention.RetentionSettings;
import cn.unionportal.shared.retention.RetentionTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of the aid module's logs: wrong status lookups for {@code portal.retention.attempts}
 * (7 days); who opened a household file for as long as the file exists and
 * {@code portal.retention.file-access-after-end} (5 years) after it ended: after its closing (or
 * the end of its continued support, whichever is later) for a closed file, after the rejection for
 * a rejected one. Deleting a file deletes its access log with it (foreign key).
 */
@Configuration(proxyBeanMethods = false)
class AidRetention {

	@Bean
	RetentionTask statusLookupAttemptPurge(JdbcClient jdbc) {
		return RetentionTask.deletingOlderThan(jdbc, "status_lookup_attempt", "attempted_at",
				RetentionSettings::attempts);
	}

	@Bean
	RetentionTask fileAccessPurge(JdbcClient jdbc, Clock clock) {
		return new RetentionTask() {

			@Override
			public String name() {
				return "hardship_file_access";
			}

			@Override
			public int purgeBatch(Instant now, RetentionSettings settings, int batchSize) {
				LocalDate cutoff = LocalDate.ofInstant(now, clock.getZone()).minus(settings.fileAccessAfterEnd());
				return jdbc.sql("""
						DELETE FROM hardship_file_access WHERE id IN (
						  SELECT a.id FROM hardship_file_access a JOIN hardship_file f ON f.id = a.file_id
						  WHERE (f.status = 'CLOSED' AND COALESCE(f.support_until, f.closed_on) < :cutoff
						         AND f.closed_on < :cutoff)
						     OR (f.status = 'REJECTED' AND f.updated_at < :cutoffTime)
						  ORDER BY a.id LIMIT :batch)
						""")
					.param("cutoff", Date.valueOf(cutoff))
					.param("cutoffTime", Timestamp.from(cutoff.atStartOfDay(clock.getZone()).toInstant()))
					.param("batch", batchSize)
					.update();
			}
		};
	}
}
