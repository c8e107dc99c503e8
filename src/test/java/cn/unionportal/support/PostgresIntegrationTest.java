package cn.unionportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the integration tests: the whole application on real PostgreSQL (see
 * {@link TestDatabase}) with the Weihai demo data loaded, and MockMvc with the real security
 * configuration. Subclasses share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PostgresIntegrationTest {

	/** A fixed key for personal data in tests (never used outside them). */
	public static final String TEST_DATA_KEY = "dGVzdC1rZXktZm9yLXVuaW9uLXBvcnRhbC10ZXN0cyE=";

	/** The portal's public address in tests ({@code portal.public-base-url}, required on PostgreSQL). */
	public static final String PUBLIC_BASE_URL = "https://portal.weihai.example";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Demo demo;

	@Autowired
	void demo(JdbcTemplate jdbc, UserDetailsService users) {
		this.demo = new Demo(jdbc, users);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registerDatabase(registry);
		// MockMvc tests carry their session as a MockHttpSession, which Spring Session's filter does
		// not see: they keep the container's sessions. The JDBC sessions shared by several nodes are
		// tested over HTTP (TwoNodeClusterTest) and by the browser journeys.
		registry.add("spring.autoconfigure.exclude", () -> JDBC_SESSIONS);
	}

	/** Spring Boot's auto-configuration of Spring Session JDBC (on by default in the portal). */
	public static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

	public static void registerDatabase(DynamicPropertyRegistry registry) {
		TestDatabase.Connection db = TestDatabase.get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
		registry.add("portal.demo.enabled", () -> "true");
		registry.add("portal.data.key", () -> TEST_DATA_KEY);
		// every MockMvc request comes from 127.0.0.1: the per-address allowance is tested on its own
		registry.add("portal.login.failures-per-address", () -> "1000000");
		registry.add("portal.public-base-url", () -> PUBLIC_BASE_URL);
		// the test run keeps a few dozen application contexts cached, each with its own pool: an idle
		// context gives its connections back (one kept, after 10 s), so that together they stay well
		// below PostgreSQL's max_connections (100), where a new context would be refused
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
	}

	/**
	 * The test database in a schema of its own, emptied first and migrated by Flyway, without the
	 * demo data: for tests whose rows must not show up where other tests read the demo data (the
	 * generated federation, the load-test data).
	 */
	public static void registerOwnSchema(DynamicPropertyRegistry registry, String schema) throws SQLException {
		registerDatabase(registry);
		TestDatabase.Connection db = TestDatabase.get();
		try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		String url = db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("portal.demo.enabled", () -> "false");
	}
}
