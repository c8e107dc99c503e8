package cn.unionportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's database keeps its check constraints when the session that created them
 * closes. With H2 2.4.240 (Spring Boot's version) it did not: once the pool retired the connection
 * Flyway had migrated a new database on (after 30 minutes), every insert into a table with a check
 * constraint failed with "Check constraint invalid" until the portal restarted, and creating an
 * organization answered "name taken". The pom pins H2 2.5.252.
 */
class H2DatabaseFileTest {

	@TempDir
	Path directory;

	@Test
	void checkConstraintsOutliveTheSessionThatCreatedThem() throws SQLException {
		// the portal's embedded URL (application.properties), in a directory of its own
		String url = "jdbc:h2:file:" + directory.resolve("portal")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
		try (Connection pooled = DriverManager.getConnection(url, "sa", "")) {
			try (Connection migrating = DriverManager.getConnection(url, "sa", "");
					Statement statement = migrating.createStatement()) {
				statement.execute("CREATE TABLE organization (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL,"
						+ " CONSTRAINT ck_organization_status CHECK (status IN ('ACTIVE', 'DISSOLVED')))");
			}
			try (Connection later = DriverManager.getConnection(url, "sa", "");
					Statement statement = later.createStatement()) {
				statement.execute("INSERT INTO organization VALUES (1, 'ACTIVE')");
				assertThatThrownBy(() -> statement.execute("INSERT INTO organization VALUES (2, 'FOUNDED')"))
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("ck_organization_status");
			}
			try (Statement statement = pooled.createStatement()) {
				statement.execute("INSERT INTO organization VALUES (3, 'DISSOLVED')");
				var rows = statement.executeQuery("SELECT COUNT(*) FROM organization");
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(2);
			}
		}
	}
}
