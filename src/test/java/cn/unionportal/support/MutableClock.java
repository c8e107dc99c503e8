package cn.unionportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, to cross rate-limit windows without waiting. Pass it where the
 * portal's {@link Clock} bean would go (e.g. to a test's own {@code AttemptLimits}).
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		now.updateAndGet(instant -> instant.plus(duration));
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now.get();
	}
}
