package cn.unionportal.organization;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans for statements whose best plan depends on the bound scope (issue 13).
 *
 * <p>PostgreSQL may keep a generic plan for a prepared statement that the JDBC driver runs often on
 * one connection. A generic plan for {@link Scope#SUBTREE} assumes the average subtree (four
 * organizations), so the same statement bound to the federation (4,990 organizations) loops where
 * it should hash: a surname search at the federation took 81 ms instead of 2 ms, a statistics
 * source far longer. Planning every statement afresh (what {@code V3_3} once set for the whole
 * role) costs 0.05–0.1 ms per statement, 2.7 ms of a page of 26 statements. So the portal plans
 * afresh only where the plan depends on the scope's size: {@link #forThisTransaction()} is called at
 * the start of the member search, of the statistics' figure sources and of reading the aid budgets
 * of a scope. Elsewhere PostgreSQL's own
 * choice ({@code plan_cache_mode = auto}) applies. The member export does not call it: its statement
 * carries the query's filters in its text and runs a few times a day, and PostgreSQL considers a
 * generic plan only after the driver has prepared a statement (5 runs on one connection) and run it
 * 5 more times, which a pooled connection (30 minutes' life) does not reach for an export.
 */
@Component
public class ScopedPlans {

	private final JdbcTemplate jdbc;

	ScopedPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Has PostgreSQL plan every further statement of the current transaction for its bound values
	 * ({@code SET LOCAL plan_cache_mode = force_custom_plan}); it ends with the transaction. Does
	 * nothing on other databases.
	 * @throws IllegalStateException outside a transaction, where the setting would not hold
	 */
	public void forThisTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("custom plans are set per transaction");
		}
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			if (connection.isWrapperFor(PGConnection.class)) {
				try (var statement = connection.createStatement()) {
					statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
				}
			}
			return null;
		});
	}
}
