package cn.unionportal.aid;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable rules of hardship aid ({@code portal.aid.*}).
 *
 * @param noticeDays days a file stays on public notice
 * @param relapseYears households that exited within this many years are watched for relapse
 * @param graceMonths support continues this many months after exit (脱困不脱政策)
 * @param reviewMonths a filed file comes up for review after this many months
 * @param attachmentMaxBytes largest evidence file accepted
 * @param statusAttemptsPerCode wrong status lookups allowed per code within the window
 * @param statusAttemptsPerAddress wrong status lookups allowed per address within the window
 * @param statusWindow the rate-limit window
 * @param statusAttemptsPerCodeDaily wrong status lookups allowed per code within a day (fixed
 *        24-hour windows), so that guesses spread over many short windows stay few
 */
@ConfigurationProperties("portal.aid")
public record AidSettings(int noticeDays, int relapseYears, int graceMonths, int reviewMonths,
		long attachmentMaxBytes, int statusAttemptsPerCode, int statusAttemptsPerAddress, Duration statusWindow,
		int statusAttemptsPerCodeDaily) {

	public AidSettings {
		noticeDays = noticeDays <= 0 ? 7 : noticeDays;
		relapseYears = relapseYears <= 0 ? 3 : relapseYears;
		graceMonths = graceMonths < 0 ? 12 : graceMonths;
		reviewMonths = reviewMonths <= 0 ? 12 : reviewMonths;
		attachmentMaxBytes = attachmentMaxBytes <= 0 ? 10L * 1024 * 1024 : attachmentMaxBytes;
		statusAttemptsPerCode = statusAttemptsPerCode <= 0 ? 5 : statusAttemptsPerCode;
		statusAttemptsPerAddress = statusAttemptsPerAddress <= 0 ? 20 : statusAttemptsPerAddress;
		statusWindow = statusWindow == null ? Duration.ofMinutes(15) : statusWindow;
		statusAttemptsPerCodeDaily = statusAttemptsPerCodeDaily <= 0 ? 10 : statusAttemptsPerCodeDaily;
	}
}
