package cn.unionportal.aid;

import cn.unionportal.aid.files.V12_1__EncryptHouseholdFields;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of the clear household fields (V12, the Spring bean V12_1, V12_2) on rows written
 * the old way: in a throwaway schema of the test database, Flyway migrates to V12, rows are inserted
 * as V6 stored them, then the rest runs; every value comes back decrypted, the clear columns and the
 * clear copies in the timeline are gone. Also: the application's own Flyway ran V12_1 as a bean.
 */
class HouseholdFieldsMigrationTest extends PostgresIntegrationTest {

	static final String SCHEMA = "household_migration_test";

	@Autowired
	V12_1__EncryptHouseholdFields migration;

	@Autowired
	PersonalDataCipher cipher;

	SingleConnectionDataSource dataSource;

	@AfterEach
	void dropSchema() {
		jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		if (dataSource != null) {
			dataSource.destroy();
		}
	}

	Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.javaMigrations(migration)
			.target(target)
			.load();
	}

	@Test
	void theApplicationsFlywayRanTheMigrationBean() {
		assertThat(jdbc.queryForObject(
				"SELECT type || ' ' || success FROM flyway_schema_history WHERE version = '12.1'", String.class))
			.isEqualTo("JDBC true");
	}

	@Test
	void clearRowsAreEncryptedWithoutLossAndTheClearColumnsDropped() {
		jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		TestDatabase.Connection db = TestDatabase.get();
		dataSource = new SingleConnectionDataSource(db.url(), db.username(), db.password(), true);
		flyway("12").migrate();
		TestDatabase.undoRoleSettings();
		// V3_3 ran for the side schema; the role's setting it made for the whole database is gone again
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_db_role_setting WHERE setdatabase ="
				+ " (SELECT oid FROM pg_database WHERE datname = current_database())", Integer.class)).isZero();
		JdbcTemplate old = new JdbcTemplate(dataSource);
		old.execute("SET search_path TO " + SCHEMA);
		// the member table is not what this test is about: no member rows needed
		old.execute("ALTER TABLE hardship_file DROP CONSTRAINT hardship_file_member_id_fkey");
		long organization = old.queryForObject("SELECT MIN(id) FROM organization", Long.class);
		Timestamp now = Timestamp.from(Instant.now());
		old.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, situation, household_size,
				    monthly_income, per_capita_income, threshold_amount, threshold_year, applied_by, applied_at,
				    visit_date, visitors, visit_notes, open_member_id, created_at, updated_at)
				VALUES (1, ?, 'FEDERATION_REVIEW', 'DEEP', 'ILLNESS', '父亲瘫痪在床，母亲无业', 3, 1800.00, 600.00, 880.00, 2026,
				    'wendeng', ?, DATE '2026-03-02', '张干事', '家中漏雨，无其他收入', 1, ?, ?)
				""", organization, now, now, now);
		old.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size,
				    monthly_income, per_capita_income, applied_by, applied_at, open_member_id, created_at, updated_at)
				VALUES (2, ?, 'APPLIED', 'SUDDEN', 'DISASTER', 2, 4000.50, 2000.25, 'wendeng', ?, 2, ?, ?)
				""", organization, now, now, now);
		long first = old.queryForObject("SELECT id FROM hardship_file WHERE member_id = 1", Long.class);
		long second = old.queryForObject("SELECT id FROM hardship_file WHERE member_id = 2", Long.class);
		String event = "INSERT INTO hardship_file_event (file_id, step, outcome, comment, actor, occurred_at) VALUES (?, ?, ?, ?, 'wendeng', ?)";
		old.update(event, first, "APPLIED", "RECORDED", "父亲瘫痪在床，母亲无业", now);
		old.update(event, first, "HOME_VISIT", "APPROVED", "2026-03-02 · 张干事 · 家中漏雨，无其他收入", now);
		old.update(event, first, "GRASSROOTS_REVIEW", "APPROVED", "情况属实", now);

		flyway("12.2").migrate();
		TestDatabase.undoRoleSettings();

		Map<String, Object> row = old.queryForMap("SELECT * FROM hardship_file WHERE id = ?", first);
		assertThat(row).doesNotContainKeys("monthly_income", "per_capita_income", "situation", "visit_notes");
		assertThat(cipher.decrypt((String) row.get("monthly_income_cipher"))).isEqualTo("1800.00");
		assertThat(cipher.decrypt((String) row.get("per_capita_income_cipher"))).isEqualTo("600.00");
		assertThat(cipher.decrypt((String) row.get("situation_cipher"))).isEqualTo("父亲瘫痪在床，母亲无业");
		assertThat(cipher.decrypt((String) row.get("visit_notes_cipher"))).isEqualTo("家中漏雨，无其他收入");
		assertThat(row.get("below_threshold")).isEqualTo(true);
		assertThat(row.get("visitors")).isEqualTo("张干事");

		Map<String, Object> other = old.queryForMap("SELECT * FROM hardship_file WHERE id = ?", second);
		assertThat(cipher.decrypt((String) other.get("monthly_income_cipher"))).isEqualTo("4000.50");
		assertThat(cipher.decrypt((String) other.get("per_capita_income_cipher"))).isEqualTo("2000.25");
		assertThat(other.get("situation_cipher")).isNull();
		assertThat(other.get("below_threshold")).as("no threshold known").isNull();

		List<String> comments = old.queryForList(
				"SELECT comment FROM hardship_file_event WHERE file_id = ? ORDER BY id", String.class, first);
		assertThat(comments).containsExactly(null, "2026-03-02 · 张干事", "情况属实");
	}
}
