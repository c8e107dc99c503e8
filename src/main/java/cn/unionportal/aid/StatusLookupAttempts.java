package cn.unionportal.aid;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wrong attempts at the public status page, counted per submitted code (whether or not such a
 * code exists) and per address within {@link AidSettings#statusWindow()}.
 */
@Component
class StatusLookupAttempts {

	static final int KEY_LENGTH = 20;

	static final int ADDRESS_LENGTH = 64;

	private final JdbcClient jdbc;

	private final AidSettings settings;

	private final Clock clock;

	StatusLookupAttempts(JdbcClient jdbc, AidSettings settings, Clock clock) {
		this.jdbc = jdbc;
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

	/** Whether the code or the address has used up its wrong attempts for now. */
	boolean exhausted(String key, String address) {
		Timestamp since = Timestamp.from(clock.instant().minus(settings.statusWindow()));
		long byCode = jdbc
			.sql("SELECT COUNT(*) FROM status_lookup_attempt WHERE lookup_code = :code AND attempted_at > :since")
			.param("code", key)
			.param("since", since)
			.query(Long.class)
			.single();
		if (byCode >= settings.statusAttemptsPerCode()) {
			return true;
		}
		long byAddress = jdbc
			.sql("SELECT COUNT(*) FROM status_lookup_attempt WHERE address = :address AND attempted_at > :since")
			.param("address", address)
			.param("since", since)
			.query(Long.class)
			.single();
		return byAddress >= settings.statusAttemptsPerAddress();
	}

	void recordWrong(String key, String address) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO status_lookup_attempt (lookup_code, address, attempted_at) VALUES (:code, :address, :at)")
			.param("code", key)
			.param("address", address)
			.param("at", Timestamp.from(now))
			.update();
	}
}
