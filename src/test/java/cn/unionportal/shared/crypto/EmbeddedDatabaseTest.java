package cn.unionportal.shared.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded H2 database gets a generated password: a new database is created with it, a
 * database created the old way (user {@code sa}, empty password) is upgraded without losing data,
 * and the directory and its files are restricted to the owner.
 */
class EmbeddedDatabaseTest {

	@TempDir
	Path temp;

	Path data;

	String url;

	@BeforeEach
	void paths() {
		data = temp.resolve("data");
		url = "jdbc:h2:file:" + data.resolve("portal") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Test
	void anOldDatabaseWithAnEmptyPasswordIsUpgradedAndKeepsItsData() throws Exception {
		Files.createDirectories(data);
		try (Connection old = DriverManager.getConnection(url, "sa", ""); Statement sql = old.createStatement()) {
			sql.execute("CREATE TABLE staff_account (username VARCHAR(50))");
			sql.execute("INSERT INTO staff_account VALUES ('wendeng')");
		}
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(data.resolve("portal-data.key"), "old key file, world-readable\n");

		String password = EmbeddedDatabase.prepare(url, "sa");
		assertOwnerOnly();

		assertThat(password).matches("[A-Za-z0-9_-]{43}");
		assertThat(Files.readString(data.resolve("portal-db.password")).strip()).isEqualTo(password);
		try (Connection upgraded = DriverManager.getConnection(url, "sa", password);
				ResultSet rows = upgraded.createStatement().executeQuery("SELECT username FROM staff_account")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("wendeng");
		}
		assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
		assertThat(EmbeddedDatabase.prepare(url, "sa")).as("the second start reuses the password").isEqualTo(password);
	}

	@Test
	void aNewDatabaseIsCreatedWithTheGeneratedPasswordInAPrivateDirectory() throws Exception {
		String password = EmbeddedDatabase.prepare(url, "sa");

		assertThat(data.resolve("portal.mv.db")).exists();
		assertOwnerOnly();
		assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
		DriverManager.getConnection(url, "sa", password).close();
	}

	@Test
	void onlyTheEmbeddedFileDatabaseIsConcerned() {
		assertThat(EmbeddedDatabase.isEmbeddedFile("jdbc:h2:file:./data/portal;MODE=PostgreSQL")).isTrue();
		assertThat(EmbeddedDatabase.isEmbeddedFile("jdbc:postgresql://localhost/portal")).isFalse();
		assertThat(EmbeddedDatabase.isEmbeddedFile("jdbc:h2:mem:test")).isFalse();
		assertThat(EmbeddedDatabase.passwordFile("jdbc:h2:file:./data/portal;AUTO_RECONNECT=TRUE"))
			.isEqualTo(Path.of("data/portal-db.password").toAbsolutePath());
	}

	private void assertOwnerOnly() throws Exception {
		assumeThat(PrivateFiles.posix(data)).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		List<Path> files;
		try (Stream<Path> list = Files.list(data)) {
			files = list.toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
		}
	}
}
