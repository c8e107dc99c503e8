package cn.unionportal.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import cn.unionportal.shared.replica.ReadYourWrites;
import cn.unionportal.shared.replica.ReplicaRouting;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14 item 3, against a real hot standby: run by {@code scripts/replica-check.sh}, which
 * makes a primary and its standby and passes their URLs ({@code PORTAL_TEST_DB_URL},
 * {@code PORTAL_TEST_REPLICA_URL}). Not part of {@code ./mvnw verify} (tag {@code replica}).
 */
@Tag("replica")
class ReplicaRoutingTest extends PostgresIntegrationTest {

	private static final String REPLICA_URL = System.getenv("PORTAL_TEST_REPLICA_URL");

	@Autowired
	ReplicaRouting routing;

	@Autowired
	PlatformTransactionManager transactionManager;

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		assertThat(REPLICA_URL).as("PORTAL_TEST_REPLICA_URL (run scripts/replica-check.sh)").isNotBlank();
		registry.add("portal.replica.url", () -> REPLICA_URL);
		registry.add("portal.replica.max-lag", () -> "1s");
	}

	@Test
	void readOnlyTransactionsReadFromTheStandbyAndTheRestFromThePrimary() {
		awaitReplicaUsable();
		assertThat(inRecovery(true)).as("read-only transaction on the standby").isTrue();
		assertThat(inRecovery(false)).as("read-write transaction on the primary").isFalse();
		boolean[] pinned = new boolean[1];
		ReadYourWrites.onPrimary(() -> pinned[0] = inRecovery(true));
		assertThat(pinned[0]).as("reads after the session's own write on the primary").isFalse();
	}

	@Test
	void thePortalsReadOnlyPagesWorkOnTheStandby() throws Exception {
		awaitReplicaUsable();
		String members = mvc.perform(get("/members").param("q", "王").with(demo.as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(members).contains("王");
		mvc.perform(get("/organizations").with(demo.as("wendeng"))).andExpect(status().isOk());
		mvc.perform(get("/aid/cases").with(demo.as("admin"))).andExpect(status().isOk());
		mvc.perform(get("/members/export.xlsx").with(demo.as("wendeng"))).andExpect(status().isOk());
		assertThat(inRecovery(true)).isTrue();
	}

	@Test
	void aStandbyThatStopsReplayingIsLeftAsideUntilItCatchesUp() throws Exception {
		awaitReplicaUsable();
		try (Connection standby = DriverManager.getConnection(REPLICA_URL, "postgres", "");
				Statement s = standby.createStatement()) {
			s.execute("SELECT pg_wal_replay_pause()");
			try {
				// the primary moves on; the standby does not follow
				for (int i = 0; i < 3; i++) {
					jdbc.execute("CREATE TABLE IF NOT EXISTS replica_lag_probe (n INT); INSERT INTO replica_lag_probe VALUES (1)");
					routing.lag().check();
				}
				assertThat(routing.lag().usable()).isFalse();
				assertThat(inRecovery(true)).as("read-only work on the primary while the standby lags").isFalse();
			}
			finally {
				s.execute("SELECT pg_wal_replay_resume()");
			}
		}
		awaitReplicaUsable();
		assertThat(inRecovery(true)).isTrue();
		jdbc.execute("DROP TABLE IF EXISTS replica_lag_probe");
	}

	private boolean inRecovery(boolean readOnly) {
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		tx.setReadOnly(readOnly);
		return tx.execute(status -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
	}

	private void awaitReplicaUsable() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		do {
			jdbc.execute("SELECT 1");
			routing.lag().check();
			if (routing.lag().usable()) {
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		while (System.nanoTime() < deadline);
		assertThat(routing.lag().usable()).as("standby caught up within 30 s").isTrue();
	}
}
