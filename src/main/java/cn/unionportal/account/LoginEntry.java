package cn.unionportal.account;

import java.time.LocalDateTime;

/** A line of the login log as the log page shows it, in the portal's time zone. */
public record LoginEntry(LocalDateTime occurredAt, String username, String remoteAddress, boolean success,
		LoginOutcome outcome) {
}
