package cn.unionportal.aid.lookup;

import cn.unionportal.aid.AidSettings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import cn.unionportal.shared.limits.AttemptLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wrong attempts at the public status page, counted per submitted code (whether or not such a
 * code exists) and per address within {@link AidSettings#statusWindow()}, and per code within a day,
 * by {@link AttemptLimits}
 * (atomic under concurrent requests), and logged in {@code status_lookup_attempt}.
 */
@Component
public class StatusLookupAttempts {

	static final String BY_CODE = "status-code";

	static final String BY_CODE_DAILY = "status-code-day";

	static final String BY_ADDRESS = "status-address";

	/** The window of the longer per-code limit. */
	static final Duration DAY = Duration.ofHours(24);

	static final int KEY_LENGTH = 20;

	static final int ADDRESS_LENGTH = 64;

	private final JdbcClient jdbc;

	private final AidSettings settings;

	private final AttemptLimits limits;

	private final Clock clock;

	StatusLookupAttempts(JdbcClient jdbc, AidSettings settings, AttemptLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The key a submitted code is counted under: the normalized code when it is one, otherwise what
	 * was typed, upper-cased without spaces and hyphens, cut to the column's length.
	 */
	static String key(String typed) {
		String normalized = LookupCodes.normalize(typed);
		if (normalized != null) {
			return normalized;
		}
		String text = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return text.length() <= KEY_LENGTH ? text : text.substring(0, KEY_LENGTH);
	}

	static String address(String address) {
		String text = address == null ? "" : address.strip();
		return text.length() <= ADDRESS_LENGTH ? text : text.substring(0, ADDRESS_LENGTH);
	}

	/**
	 * Takes a slot of the code's limit per window, of the code's limit per day and of the
	 * address's limit (always in this order, so concurrent lookups cannot deadlock), atomically: of
	 * 40 wrong lookups at once for one code, exactly the limit get through. The daily limit stops
	 * someone who knows a code (staff who printed the card) from testing the hidden ID characters
	 * window after window. @return the slots, to
	 * {@link #release} when the lookup was right, or empty when the code or the address has used up
	 * its wrong attempts for now
	 */
	Optional<AttemptLimits.Permit> tryAcquire(String key, String address) {
		return limits.tryAcquire(
				new AttemptLimits.Limit(BY_CODE, key, settings.statusAttemptsPerCode(), settings.statusWindow()),
				new AttemptLimits.Limit(BY_CODE_DAILY, key, settings.statusAttemptsPerCodeDaily(), DAY),
				new AttemptLimits.Limit(BY_ADDRESS, address, settings.statusAttemptsPerAddress(),
						settings.statusWindow()));
	}

	/** A right lookup does not count. */
	void release(AttemptLimits.Permit permit) {
		limits.release(permit);
	}

	/** Logs a wrong attempt (the counting is done by the limits; the log is purged by retention). */
	void recordWrong(String key, String address) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO status_lookup_attempt (lookup_code, address, attempted_at) VALUES (:code, :address, :at)")
			.param("code", key)
			.param("address", address)
			.param("at", Timestamp.from(now))
			.update();
	}
}
