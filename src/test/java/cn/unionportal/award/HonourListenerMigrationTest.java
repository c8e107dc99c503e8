package cn.unionportal.award;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V33: the listener of CompetitionTitleConferred moved from HonourRegister to HonourRecording. In a
 * throwaway schema migrated to V31, a publication left incomplete under the old listener id (a
 * portal stopped before the title was recorded) and a completed one are written; after V33 the
 * incomplete one carries the new id (Spring Modulith redelivers it at start-up to the listener that
 * exists), the completed one stays as it was.
 */
class HonourListenerMigrationTest extends PostgresIntegrationTest {

	static final String SCHEMA = "honour_listener_migration_test";

	static final String OLD_ID = "cn.unionportal.award.HonourRegister.on(cn.unionportal.competition.CompetitionTitleConferred)";

	static final String NEW_ID = "cn.unionportal.award.HonourRecording.on(cn.unionportal.competition.CompetitionTitleConferred)";

	@Autowired
	List<JavaMigration> javaMigrations;

	DriverManagerDataSource dataSource;

	@AfterEach
	void dropSchema() {
		jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
			.target(target)
			.load();
	}

	@Test
	void anIncompletePublicationOfTheOldListenerGoesToTheNewOne() {
		jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		TestDatabase.Connection db = TestDatabase.get();
		// a connection per use, each in the throwaway schema: V32_2's VACUUM runs outside a transaction,
		// which Flyway cannot arrange on one shared connection
		dataSource = new DriverManagerDataSource(
				db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, db.username(), db.password());
		flyway("31").migrate();
		TestDatabase.undoRoleSettings();
		JdbcTemplate old = new JdbcTemplate(dataSource);
		UUID incomplete = UUID.randomUUID();
		UUID completed = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		String insert = """
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)
				VALUES (?, ?, 'cn.unionportal.competition.CompetitionTitleConferred', '{}', ?, ?)""";
		old.update(insert, incomplete, OLD_ID, now, null);
		old.update(insert, completed, OLD_ID, now, now);

		flyway("latest").migrate();

		assertThat(old.queryForObject("SELECT listener_id FROM event_publication WHERE id = ?", String.class, incomplete))
			.isEqualTo(NEW_ID);
		assertThat(old.queryForObject("SELECT listener_id FROM event_publication WHERE id = ?", String.class, completed))
			.isEqualTo(OLD_ID);
	}
}
