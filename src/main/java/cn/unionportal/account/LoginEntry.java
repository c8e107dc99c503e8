package cn.unionportal.account;

import java.time.Instant;

/** A line of the login log as the log page shows it. */
public record LoginEntry(Instant occurredAt, String username, String remoteAddress, boolean success,
		LoginOutcome outcome) {
}
