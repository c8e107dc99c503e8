package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V11 on members and audit lines written the old way (clear birth date and last four, the
 * number masked as first 6 + last 4), on PostgreSQL (in a schema of its own) and on the embedded
 * H2: the number is re-masked, the birth date kept encrypted beside its year, nothing lost, the
 * clear columns gone, and the audit lines carry the new mask and the year.
 */
class MemberIdentityMigrationTest {

	static final PersonalDataCipher CIPHER = PersonalDataCipher.fromBase64(PostgresIntegrationTest.TEST_DATA_KEY);

	static final String SCHEMA = "v11_check";

	static final String RESIDENT = IdNumberCandidatesTest.number("37100219900515123");

	static final String FOREIGN_2017 = "USA310119800101";

	record Database(String name, String url, String user, String password, String[] locations) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Arguments> databases() throws SQLException {
		TestDatabase.Connection pg = TestDatabase.get();
		try (Connection connection = DriverManager.getConnection(pg.url(), pg.username(), pg.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		String pgUrl = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
		return Stream.of(
				Arguments.of(new Database("PostgreSQL", pgUrl, pg.username(), pg.password(),
						new String[] { "classpath:db/migration", "classpath:db/vendor/postgresql" })),
				Arguments.of(new Database("H2",
						"jdbc:h2:mem:v11check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
						"sa", "", new String[] { "classpath:db/migration" })));
	}

	private static void undoRoleSettings(Database db) {
		if (db.name().equals("PostgreSQL")) {
			TestDatabase.undoRoleSettings();
		}
	}

	/** Flyway on the test's own connection (H2 ties check constraints to the session that made them). */
	private static FluentConfiguration flyway(Database db, DataSource connection) {
		FluentConfiguration flyway = Flyway.configure().dataSource(connection).locations(db.locations());
		return db.name().equals("PostgreSQL") ? flyway.schemas(SCHEMA) : flyway;
	}

	@ParameterizedTest
	@MethodSource("databases")
	void membersAndAuditLinesWrittenTheOldWayMoveToTheNewRuleWithoutLoss(Database db) throws SQLException {
		try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
			DataSource single = new SingleConnectionDataSource(connection, true);
			flyway(db, single).target("10").load().migrate();
			undoRoleSettings(db);
			JdbcTemplate jdbc = new JdbcTemplate(single);
			long root = jdbc.queryForObject("SELECT MIN(id) FROM organization", Long.class);
			long resident = oldMember(jdbc, root, "王建初", "RESIDENT_ID", RESIDENT, LocalDate.of(1990, 5, 15), "WH2600000011");
			long foreign = oldMember(jdbc, root, "SMITH", "FOREIGN_PERMANENT_RESIDENCE", FOREIGN_2017,
					LocalDate.of(1980, 1, 1), "WH2600000029");
			String created = "name=王建初; gender=MALE; document=RESIDENT_ID; idNumber=371002********" + RESIDENT.substring(14)
					+ "; birthDate=1990-05-15; phone=138****5678; employment=ON_THE_JOB; organization=" + root
					+ "; joinDate=2019-05-01; card=WH2600000011; status=ACTIVE";
			String changed = "idNumber: 371002********1234 → 371002********567X; birthDate: 1990-05-15 → 1991-06-16;"
					+ " phone: 138****5678 → 139****1111";
			audit(jdbc, resident, root, "CREATE", created);
			audit(jdbc, resident, root, "UPDATE", changed);
			audit(jdbc, foreign, root, "UPDATE", "idNumber: US***********01 → US***********02");

			// up to this change: later migrations may need Java migrations of their own (beans in the application)
			flyway(db, single).javaMigrations(new V11_1__MemberIdentityAtRest(CIPHER)).target("11.2").load().migrate();
			undoRoleSettings(db);

			Map<String, Object> migrated = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", resident);
			assertThat(migrated.get("id_number_masked")).isEqualTo("*".repeat(16) + RESIDENT.substring(16));
			assertThat(((Number) migrated.get("birth_year")).intValue()).isEqualTo(1990);
			assertThat(CIPHER.decrypt((String) migrated.get("birth_date_cipher"))).isEqualTo("1990-05-15");
			assertThat(CIPHER.decrypt((String) migrated.get("id_number_cipher"))).isEqualTo(RESIDENT);
			assertThat(migrated).doesNotContainKeys("birth_date", "id_last_four");
			Map<String, Object> other = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", foreign);
			assertThat(other.get("id_number_masked")).isEqualTo("*************01");
			assertThat(CIPHER.decrypt((String) other.get("birth_date_cipher"))).isEqualTo("1980-01-01");
			assertThatThrownBy(() -> jdbc.queryForList("SELECT birth_date FROM member")).isNotNull();

			assertThat(jdbc.queryForList("SELECT details FROM audit_event ORDER BY id", String.class)).containsExactly(
					created.replace("371002********" + RESIDENT.substring(14), "*".repeat(16) + RESIDENT.substring(16))
						.replace("birthDate=1990-05-15", "birthYear=1990"),
					"idNumber: ****************34 → ****************7X; birthYear: 1990 → 1991; phone: 138****5678 → 139****1111",
					"idNumber: *************01 → *************02");
		}
	}

	@Test
	void auditLinesWithoutPersonalDataStayAsTheyAre() {
		assertThat(V11_1__MemberIdentityAtRest.auditDetails("status: ACTIVE → LAPSED")).isEqualTo("status: ACTIVE → LAPSED");
		assertThat(V11_1__MemberIdentityAtRest.auditDetails("phone: 138****5678 → 139****1111"))
			.isEqualTo("phone: 138****5678 → 139****1111");
	}

	private static long oldMember(JdbcTemplate jdbc, long organization, String name, String type, String number,
			LocalDate birthDate, String card) {
		String hash = CIPHER.lookupHash(number);
		Timestamp now = Timestamp.from(Instant.now());
		String oldMask = number.length() == 18 ? number.substring(0, 6) + "********" + number.substring(14)
				: number.substring(0, 2) + "*".repeat(11) + number.substring(13);
		jdbc.update("""
				INSERT INTO member (name, gender, document_type, id_number_cipher, id_number_hash, id_number_masked,
				  id_last_four, birth_date, phone_cipher, phone_hash, phone_masked, employment_type, organization_id,
				  join_date, status, active_id_hash, card_number, version, created_at, updated_at)
				VALUES (?, 'MALE', ?, ?, ?, ?, ?, ?, ?, ?, '138****5678', 'ON_THE_JOB', ?, DATE '2019-05-01', 'ACTIVE', ?,
				  ?, 0, ?, ?)""", name, type, CIPHER.encrypt(number), hash, oldMask, number.substring(number.length() - 4),
				java.sql.Date.valueOf(birthDate), CIPHER.encrypt("13812345678"), CIPHER.lookupHash("13812345678"),
				organization, hash, card, now, now);
		return jdbc.queryForObject("SELECT id FROM member WHERE card_number = ?", Long.class, card);
	}

	private static void audit(JdbcTemplate jdbc, long member, long organization, String action, String details) {
		jdbc.update("""
				INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, organization_id, details)
				VALUES (?, 'admin', ?, 'MEMBER', ?, ?, ?)""", Timestamp.from(Instant.now()), action, member, organization,
				details);
	}
}
