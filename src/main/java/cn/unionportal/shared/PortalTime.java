package cn.unionportal.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.stereotype.Component;

/**
 * The portal's clock read the three ways services need it (issue 9: instead of the same three
 * helper methods in every service): the instant, today, and an instant as local time, all in the
 * portal's time zone ({@code portal.time-zone}). Tests that set the {@link Clock} bean set this too.
 */
@Component
public class PortalTime {

	private final Clock clock;

	PortalTime(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}
}
