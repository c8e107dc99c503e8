package cn.unionportal.shared.retention;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long logs and attempt records are kept ({@code portal.retention.*}).
 *
 * @param attempts wrong attempts at the status page and at activation, and the rate-limit
 *        counters (after their window ended); default 7 days
 * @param loginLog the login log (staff and members); default 180 days
 * @param fileAccessAfterEnd who opened a household file is kept as long as the file and this long
 *        after it ended (closed, or rejected); default 5 years
 * @param cron when the purge runs (Spring cron in the portal's time zone, {@code -} to switch it
 *        off); default 03:30 every night
 * @param batchSize rows deleted per transaction; default 1,000
 */
@ConfigurationProperties("portal.retention")
public record RetentionSettings(Duration attempts, Duration loginLog, Period fileAccessAfterEnd, String cron,
		int batchSize) {

	public RetentionSettings {
		attempts = attempts == null ? Duration.ofDays(7) : attempts;
		loginLog = loginLog == null ? Duration.ofDays(180) : loginLog;
		fileAccessAfterEnd = fileAccessAfterEnd == null ? Period.ofYears(5) : fileAccessAfterEnd;
		cron = cron == null || cron.isBlank() ? "0 30 3 * * *" : cron;
		batchSize = batchSize <= 0 ? 1000 : batchSize;
		if (attempts.isNegative() || loginLog.isNegative() || fileAccessAfterEnd.isNegative()) {
			throw new IllegalArgumentException("portal.retention.* periods must not be negative");
		}
	}
}
