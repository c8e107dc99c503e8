package cn.unionportal.aid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Module events travel through Spring Modulith's JDBC publication registry (table
 * {@code event_publication}, Flyway V19): an {@code @ApplicationModuleListener} hears of an event
 * only after the publishing transaction committed, on its own thread, and its publication row is
 * completed once it has run (rows left incomplete are republished at start-up).
 */
class EventPublicationRegistryTest extends PostgresIntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theRelapseWatchHearsOfNewCasesAfterCommitAndItsPublicationIsCompleted() throws Exception {
		String type = AidEvents.AidCaseRecorded.class.getName();
		String completed = "SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND completion_date IS NOT NULL";
		String incomplete = "SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND completion_date IS NULL";
		long before = jdbc.queryForObject(completed, Long.class, type);
		// a case of a member without household files: the watch has nothing to flag
		transactions.executeWithoutResult(t -> {
			events.publishEvent(new AidEvents.AidCaseRecorded(999_999L, 999_999L));
			// written with the publishing transaction, before any listener ran
			assertThat(jdbc.queryForObject(incomplete, Long.class, type)).isPositive();
		});
		for (int i = 0; i < 100 && jdbc.queryForObject(incomplete, Long.class, type) > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject(incomplete, Long.class, type)).isZero();
		assertThat(jdbc.queryForObject(completed, Long.class, type)).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("SELECT listener_id FROM event_publication WHERE event_type = ?"
				+ " ORDER BY publication_date DESC LIMIT 1", String.class, type)).contains("HardshipFileAftercare");
	}
}
