package cn.unionportal.account;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff accounts' security stamps, read on every request of a signed-in session by
 * {@link SessionStampFilter}. A plain JDBC primary-key read: through JPA the same read opened and
 * closed a Hibernate session each time, about 5 % of a page's CPU under load (issue 13, JFR).
 */
@Component
class SessionStamps {

	private final JdbcClient jdbc;

	SessionStamps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> of(long accountId) {
		return jdbc.sql("SELECT session_version FROM staff_account WHERE id = ?")
			.param(accountId)
			.query(Long.class)
			.optional();
	}
}
