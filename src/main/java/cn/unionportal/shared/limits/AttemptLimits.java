package cn.unionportal.shared.limits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempt limits ("at most 5 wrong lookups per code in 15 minutes") that hold when the attempts
 * arrive at once. A check that counts earlier attempts and a write that records this one let
 * every request of a burst pass the check before any of them is written; here an attempt first
 * takes a slot with one conditional statement on its counter row
 * ({@code UPDATE … SET attempts = attempts + 1 WHERE … AND attempts < max}, the row created by
 * {@code INSERT … ON CONFLICT DO NOTHING} when missing), so the database lets exactly {@code max}
 * through. An attempt that turns out right gives its slots back ({@link #release}); so only wrong
 * attempts stay counted.
 * <p>
 * Windows are fixed: they start at multiples of their length since the epoch (with 15 minutes at
 * :00, :15, :30 and :45). Slots are taken in the caller's transaction (or one of their own when
 * there is none): the counter rows stay locked until it ends, so attempts on the same key queue
 * up rather than overtake each other, and a request never needs a second connection. The caller's
 * transaction must therefore commit a wrong attempt, also when it answers with an exception
 * ({@code noRollbackFor}). A refusal by one limit gives back the slots already taken of the
 * others. Callers pass their limits in a fixed order (per code before per address), which keeps
 * concurrent attempts from deadlocking. The counters are purged by the retention job once their
 * window has ended longer ago than {@code portal.retention.attempts}.
 */
@Component
public class AttemptLimits {

	/** Longest key a counter keeps (longer keys are cut). */
	public static final int KEY_LENGTH = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Public so that a test can count on a clock it moves; the portal has the one bean. */
	public AttemptLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One limit: at most {@code max} attempts for {@code key} per window.
	 *
	 * @param name what is limited, e.g. {@code status-code} (at most 40 characters)
	 */
	public record Limit(String name, String key, int max, Duration window) {

		public Limit {
			if (max < 0 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("a limit needs max >= 0 and a positive window");
			}
			key = key == null ? "" : key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
		}
	}

	/** The slots an attempt holds, to give back when the attempt was right. */
	public record Permit(List<Slot> slots) {
	}

	/** A taken slot of one counter. */
	record Slot(String name, String key, Instant windowStart) {
	}

	/**
	 * Takes one slot of every limit, or none. @return the slots taken, or empty when a limit is used
	 * up for the current window
	 */
	@Transactional
	public Optional<Permit> tryAcquire(Limit... limits) {
		Instant now = clock.instant();
		List<Slot> slots = new ArrayList<>();
		for (Limit limit : limits) {
			Instant start = windowStart(now, limit.window());
			if (!take(limit, start)) {
				release(new Permit(slots));
				return Optional.empty();
			}
			slots.add(new Slot(limit.name(), limit.key(), start));
		}
		return Optional.of(new Permit(List.copyOf(slots)));
	}

	/** Gives the slots back (the attempt was right, so it does not count). */
	@Transactional
	public void release(Permit permit) {
		for (Slot slot : permit.slots()) {
			jdbc.sql("""
					UPDATE attempt_counter SET attempts = attempts - 1
					WHERE limit_name = :name AND limit_key = :key AND window_start = :start AND attempts > 0
					""")
				.param("name", slot.name())
				.param("key", slot.key())
				.param("start", Timestamp.from(slot.windowStart()))
				.update();
		}
	}

	static Instant windowStart(Instant now, Duration window) {
		long length = window.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
	}

	private boolean take(Limit limit, Instant start) {
		if (limit.max() == 0) {
			return false;
		}
		if (raise(limit, start)) {
			return true;
		}
		int inserted = jdbc.sql("""
				INSERT INTO attempt_counter (limit_name, limit_key, window_start, window_end, attempts)
				VALUES (:name, :key, :start, :end, 1) ON CONFLICT DO NOTHING
				""")
			.param("name", limit.name())
			.param("key", limit.key())
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(start.plus(limit.window())))
			.update();
		// someone else created the row meanwhile: the conditional update decides
		return inserted == 1 || raise(limit, start);
	}

	private boolean raise(Limit limit, Instant start) {
		return jdbc.sql("""
				UPDATE attempt_counter SET attempts = attempts + 1
				WHERE limit_name = :name AND limit_key = :key AND window_start = :start AND attempts < :max
				""")
			.param("name", limit.name())
			.param("key", limit.key())
			.param("start", Timestamp.from(start))
			.param("max", limit.max())
			.update() == 1;
	}
}
