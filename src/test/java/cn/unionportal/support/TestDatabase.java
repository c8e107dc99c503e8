package cn.unionportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds the real PostgreSQL the integration tests run on, in this order:
 * <ol>
 * <li>{@code PORTAL_TEST_DB_URL} (with {@code PORTAL_TEST_DB_USER}, {@code PORTAL_TEST_DB_PASSWORD});</li>
 * <li>a Testcontainers PostgreSQL 17 when a Docker engine answers;</li>
 * <li>a PostgreSQL server on 127.0.0.1:5432 (trust authentication), in a dedicated database
 * {@code portal_test} (or {@code PORTAL_TEST_DB_NAME}) created afresh once per test run;</li>
 * <li>otherwise the tests fail with a message saying how to provide one. They never skip.</li>
 * </ol>
 */
public final class TestDatabase {

	public record Connection(String url, String username, String password, String source) {
	}

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String LOCAL_DATABASE = env("PORTAL_TEST_DB_NAME", "portal_test");

	private static Connection connection;

	private static PostgreSQLContainer container;

	private TestDatabase() {
	}

	/**
	 * Undoes what a partial migration leaves in the whole test database. A test that migrates a
	 * schema of its own to a version before V36 runs V3_3, which sets custom plans for the role in
	 * this database, so that every connection any test's pool opens afterwards would get them; V36,
	 * which takes that back, is not reached. Such tests call this right after migrating.
	 */
	public static void undoRoleSettings() {
		Connection db = get();
		try (java.sql.Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET plan_cache_mode',"
					+ " current_user, current_database()); END $$");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reset the role's settings in the test database", ex);
		}
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = resolve();
			System.out.println("[TestDatabase] integration tests use PostgreSQL from " + connection.source());
		}
		return connection;
	}

	private static Connection resolve() {
		String url = System.getenv("PORTAL_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return new Connection(url, env("PORTAL_TEST_DB_USER", "postgres"), env("PORTAL_TEST_DB_PASSWORD", ""),
					"PORTAL_TEST_DB_URL");
		}
		if (dockerAnswers()) {
			container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers");
		}
		String user = env("PORTAL_TEST_DB_USER", "postgres");
		String password = env("PORTAL_TEST_DB_PASSWORD", "");
		try (java.sql.Connection admin = DriverManager.getConnection(LOCAL_SERVER + "postgres", user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + LOCAL_DATABASE + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + LOCAL_DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException unreachable) {
			throw new IllegalStateException("""
					The integration tests need a real PostgreSQL and found none:
					  - PORTAL_TEST_DB_URL is not set (e.g. jdbc:postgresql://host:5432/db with PORTAL_TEST_DB_USER/_PASSWORD),
					  - no Docker engine answers for Testcontainers,
					  - and no PostgreSQL server accepts user '%s' on 127.0.0.1:5432 (%s).
					Start one of these and run the tests again.""".formatted(user, unreachable.getMessage()),
					unreachable);
		}
		return new Connection(LOCAL_SERVER + LOCAL_DATABASE + "?reWriteBatchedInserts=true", user, password,
				"the local server on 127.0.0.1:5432");
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError noDocker) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
