package cn.unionportal.member;

import java.time.Clock;
import java.time.Duration;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts and audits exact searches by ID or mobile number, per user. A masked mobile number
 * ({@code 139****2222}) leaves 10,000 candidates and a masked ID number with the birth year about
 * 3,300; an unlimited exact search tries them all in seconds. So every user gets
 * {@code portal.members.exact-searches} such searches per {@code portal.members.exact-search-window}
 * (fixed windows), and each admitted one is recorded in the audit trail with the searched value
 * masked.
 *
 * <p>The count lives in the database and goes up by one conditional UPDATE (at most the limit,
 * whatever runs in parallel: PostgreSQL re-checks the condition on the locked row). It runs in
 * its own transaction together with the audit line, because searches run in read-only ones.
 */
@Component
class MemberExactSearches {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final int limit;

	private final Duration window;

	MemberExactSearches(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${portal.members.exact-searches:20}") int limit,
			@Value("${portal.members.exact-search-window:1h}") Duration window) {
		if (limit < 1 || window.toMinutes() < 1) {
			throw new IllegalStateException("portal.members.exact-searches must be at least 1 and "
					+ "portal.members.exact-search-window at least one minute");
		}
		this.jdbc = jdbc;
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	/**
	 * Admits one exact search of the user, or refuses it with a message saying the limit.
	 *
	 * @param scope the organization whose subtree is searched (the audit line belongs to it)
	 * @throws RuleViolationException {@code member.search.exactLimit} when the user's searches of
	 *         this window are used up
	 */
	void admit(CurrentUser user, MemberSearchSql.Exact exact, long scope) {
		admit(user, exact, scope, "q");
	}

	/**
	 * Admits one exact lookup, see {@link #admit(CurrentUser, MemberSearchSql.Exact, long)}; a
	 * refusal names the given form field.
	 */
	void admit(CurrentUser user, MemberSearchSql.Exact exact, long scope, String field) {
		long windowStart = clock.millis() / window.toMillis() * window.toMillis();
		String username = user.username();
		createAllowance(username, windowStart);
		boolean admitted = Boolean.TRUE.equals(ownTransaction.execute(tx -> {
			int counted = jdbc.sql("""
					UPDATE member_exact_search_allowance
					SET searches = CASE WHEN window_start = :window THEN searches + 1 ELSE 1 END, window_start = :window
					WHERE username = :username AND (window_start <> :window OR searches < :limit)
					""").param("window", windowStart).param("username", username).param("limit", limit).update();
			if (counted == 1) {
				audit.record(username, exact.action(), MemberManagement.SUBJECT, 0, scope, exact.masked());
			}
			return counted == 1;
		}));
		if (!admitted) {
			throw new RuleViolationException(field, "member.search.exactLimit", limit, window.toMinutes());
		}
	}

	/** The user's counter row, created once; a parallel first search may create it first. */
	private void createAllowance(String username, long windowStart) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM member_exact_search_allowance WHERE username = :username")
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
					INSERT INTO member_exact_search_allowance (username, window_start, searches)
					VALUES (:username, :window, 0)
					""").param("username", username).param("window", windowStart).update());
		}
		catch (DataIntegrityViolationException createdMeanwhile) {
			// the row exists now, which is all this needed
		}
	}
}
