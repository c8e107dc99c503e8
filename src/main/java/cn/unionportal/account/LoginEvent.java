package cn.unionportal.account;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the login log.
 */
@Entity
@Table(name = "login_event")
class LoginEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false, length = 100)
	private String username;

	@Column(name = "remote_address", length = 64)
	private String remoteAddress;

	@Column(nullable = false)
	private boolean success;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private LoginOutcome outcome;

	protected LoginEvent() {
	}

	LoginEvent(Instant occurredAt, String username, String remoteAddress, LoginOutcome outcome) {
		this.occurredAt = occurredAt;
		this.username = username.length() > 100 ? username.substring(0, 100) : username;
		this.remoteAddress = remoteAddress;
		this.outcome = outcome;
		this.success = outcome == LoginOutcome.SUCCESS;
	}

	LoginEntry toEntry(java.time.ZoneId zone) {
		return new LoginEntry(LocalDateTime.ofInstant(occurredAt, zone), username, remoteAddress, success, outcome);
	}
}
