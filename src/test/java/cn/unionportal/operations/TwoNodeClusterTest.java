package cn.unionportal.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionportal.PortalApplication;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestDatabase;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 2: two portal nodes, A and B, on two ports of one PostgreSQL, in this JVM (each a
 * full application context with its own web server, pool, scheduler and import threads). The
 * HTTP client is one browser: its cookies go to both nodes, as behind a load balancer without
 * sticky sessions.
 * <ul>
 * <li>sign in on A, continue on B, sign out on B: the session is gone on A too (Spring Session JDBC);</li>
 * <li>start an import on A, follow its progress on B;</li>
 * <li>stop A in the middle of an import: B settles the job once A's claim lapses;</li>
 * <li>wrong passwords on A and on B add up to one lockout;</li>
 * <li>the scheduled purge runs on one node at a time (the lease).</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

	private static final String PASSWORD = "portal-demo-2026";

	private static final Duration CLAIM_LEASE = Duration.ofSeconds(3);

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startTwoNodes() {
		nodeA = start("node-a");
		nodeB = start("node-b");
		jdbc = nodeB.getBean(JdbcTemplate.class);
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
	}

	private static ConfigurableApplicationContext start(String id) {
		TestDatabase.Connection db = TestDatabase.get();
		Map<String, Object> properties = Map.ofEntries(Map.entry("spring.datasource.url", db.url()),
				Map.entry("spring.datasource.username", db.username()),
				Map.entry("spring.datasource.password", db.password()),
				Map.entry("spring.datasource.hikari.maximum-pool-size", "6"), Map.entry("portal.demo.enabled", "true"),
				Map.entry("portal.data.key", PostgresIntegrationTest.TEST_DATA_KEY),
				Map.entry("portal.public-base-url", PostgresIntegrationTest.PUBLIC_BASE_URL),
				Map.entry("portal.login.failures-per-address", "1000000"), Map.entry("server.port", "0"),
				Map.entry("management.server.port", "-1"), Map.entry("portal.node.id", id),
				Map.entry("portal.imports.claim-lease", CLAIM_LEASE.toMillis() + "ms"),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("server.shutdown", "immediate"));
		return new SpringApplicationBuilder(PortalApplication.class).run(arguments(properties));
	}

	/**
	 * Settings as command-line arguments: they outrank {@code application.properties} (default
	 * properties of the builder would not, and the node would open the embedded H2 database).
	 */
	static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	private static String url(ConfigurableApplicationContext node, String path) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path;
	}

	// ---- sessions ----------------------------------------------------------------------------

	@Test
	void aSessionStartedOnAContinuesOnBAndEndsEverywhereWhenSignedOutOnB() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.signIn(nodeA, "wendeng", PASSWORD)).endsWith("/");
		HttpResponse<String> onB = browser.get(nodeB, "/organizations");
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("文登区总工会");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'wendeng'", Long.class))
			.isPositive();

		String sessionCookie = browser.cookie("SESSION");
		HttpResponse<String> signedOut = browser.post(nodeB, "/logout", browser.csrf(nodeB, "/organizations"), Map.of());
		assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/login?logout");

		// the old cookie, kept by someone who copied it, no longer opens anything on A
		HttpResponse<String> backOnA = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(nodeA, "/organizations"))).header("Cookie", "SESSION=" + sessionCookie)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(backOnA.statusCode()).isEqualTo(302);
		assertThat(backOnA.headers().firstValue("Location").orElse("")).contains("/login");
	}

	/**
	 * A page read does not write the session row again within the touch interval (one minute): the
	 * last access time stays; once it is older than that, the next page moves it, on either node.
	 */
	@Test
	void pagesReadTheSessionWithoutWritingItUntilItsLastAccessIsAMinuteOld() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.signIn(nodeA, "huancui", PASSWORD)).endsWith("/");
		String sql = "SELECT last_access_time FROM spring_session WHERE principal_name = 'huancui' ORDER BY creation_time DESC LIMIT 1";
		long signedIn = jdbc.queryForObject(sql, Long.class);
		Thread.sleep(20);
		for (ConfigurableApplicationContext node : List.of(nodeA, nodeB, nodeA)) {
			assertThat(browser.get(node, "/organizations").statusCode()).isEqualTo(200);
		}
		assertThat(jdbc.queryForObject(sql, Long.class)).isEqualTo(signedIn);

		jdbc.update("UPDATE spring_session SET last_access_time = last_access_time - 120000 WHERE principal_name = 'huancui'");
		assertThat(browser.get(nodeB, "/organizations").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject(sql, Long.class)).isGreaterThan(signedIn);
	}

	// ---- lockout -----------------------------------------------------------------------------

	@Test
	void wrongPasswordsOnBothNodesAddUpToOneLockout() throws Exception {
		String username = "huancui";
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(new Browser().signIn(nodeA, username, "wrong-" + i)).contains("/login?error");
			}
			for (int i = 0; i < 2; i++) {
				assertThat(new Browser().signIn(nodeB, username, "wrong-b" + i)).contains("/login?error");
			}
			assertThat(jdbc.queryForObject("SELECT locked_until FROM staff_account WHERE username = ?",
					java.sql.Timestamp.class, username)).isNotNull();
			// the right password is refused on either node while the lock lasts
			assertThat(new Browser().signIn(nodeA, username, PASSWORD)).contains("/login?error");
			assertThat(new Browser().signIn(nodeB, username, PASSWORD)).contains("/login?error");
		}
		finally {
			jdbc.update("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
		}
		assertThat(new Browser().signIn(nodeB, username, PASSWORD)).endsWith("/");
	}

	// ---- scheduled work ----------------------------------------------------------------------

	@Test
	void thePurgeRunsOnOneNodeAtATime() {
		cn.unionportal.shared.cluster.ClusterLeases leasesA = nodeA.getBean(cn.unionportal.shared.cluster.ClusterLeases.class);
		cn.unionportal.shared.cluster.ClusterLeases leasesB = nodeB.getBean(cn.unionportal.shared.cluster.ClusterLeases.class);
		String lease = "two-node-test-" + UUID.randomUUID();
		assertThat(leasesA.tryAcquire(lease, Duration.ofMinutes(5))).isTrue();
		assertThat(leasesB.tryAcquire(lease, Duration.ofMinutes(5))).isFalse();
		assertThat(leasesB.runExclusively(lease, Duration.ofMinutes(5), () -> {
			throw new AssertionError("must not run on B while A holds the lease");
		})).isFalse();
		assertThat(leasesB.holder(lease)).contains("node-a");
		leasesA.release(lease);
		boolean[] ran = new boolean[1];
		assertThat(leasesB.runExclusively(lease, Duration.ofMinutes(5), () -> ran[0] = true)).isTrue();
		assertThat(ran[0]).isTrue();
		assertThat(leasesB.holder(lease)).isEmpty();
	}

	// ---- imports -----------------------------------------------------------------------------

	@Test
	@Order(Integer.MAX_VALUE) // stops node A: last
	void anImportStartedOnAShowsItsProgressOnBAndBSettlesItWhenAStops() throws Exception {
		Browser browser = new Browser();
		browser.signIn(nodeA, "admin", PASSWORD);
		String name = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + ".xlsx";
		HttpResponse<String> uploaded = browser.upload(nodeA, "/members/import", name, workbook(150_000));
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		Matcher id = Pattern.compile("/members/import/(\\d+)").matcher(location);
		assertThat(id.find()).as(location).isTrue();
		long importId = Long.parseLong(id.group(1));
		assertThat(jdbc.queryForObject("SELECT claimed_by FROM member_import WHERE id = ?", String.class, importId))
			.isEqualTo("node-a");

		// progress written by A's import threads, read on B
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (processed(importId) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(processed(importId)).isPositive();
		HttpResponse<String> onB = browser.get(nodeB, "/members/import/" + importId);
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains(name);
		assertThat(status(importId)).as("still running when A stops").isEqualTo("RUNNING");

		nodeA.close();

		deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!List.of("FAILED", "DONE").contains(status(importId)) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(status(importId)).isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("SELECT failure FROM member_import WHERE id = ?", String.class, importId))
			.isEqualTo("member.import.failure.interrupted");
		String page = browser.get(nodeB, "/members/import/" + importId).body();
		assertThat(page).contains(name).doesNotContain("http-equiv=\"refresh\"");
	}

	private static int processed(long importId) {
		return jdbc.queryForObject("SELECT processed_rows FROM member_import WHERE id = ?", Integer.class, importId);
	}

	private static String status(long importId) {
		return jdbc.queryForObject("SELECT status FROM member_import WHERE id = ?", String.class, importId);
	}

	/** A large sheet whose rows are all refused (no such organization): quick to make, steady to import. */
	private static byte[] workbook(int rows) throws IOException {
		List<String> headers = List.of("姓名", "性别", "证件类型", "证件号码", "出生日期", "手机号码", "用工类型", "所属组织", "入会日期");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("会员");
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("测试" + r);
				row.createCell(3).setCellValue(String.format("11010119900101%04d", r % 10000));
				row.createCell(6).setCellValue("在岗职工");
				row.createCell(7).setCellValue("no-such-organization");
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}

	/** One browser: a cookie jar shared by both nodes (same host, other port), no redirects followed. */
	private static final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url(node, path))).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		String cookie(String name) {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no cookie " + name)).getValue();
		}

		String csrf(ConfigurableApplicationContext node, String page) throws Exception {
			return Jsoup.parse(get(node, page).body()).selectFirst("input[name=_csrf]").attr("value");
		}

		/** @return where the sign-in sent the browser */
		String signIn(ConfigurableApplicationContext node, String username, String password) throws Exception {
			HttpResponse<String> answer = post(node, "/login", csrf(node, "/login"),
					Map.of("username", username, "password", password));
			return answer.headers().firstValue("Location").orElse("");
		}

		HttpResponse<String> post(ConfigurableApplicationContext node, String path, String csrf, Map<String, String> fields)
				throws Exception {
			StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
			fields.forEach((k, v) -> form.append('&').append(k).append('=').append(encode(v)));
			return http.send(HttpRequest.newBuilder(URI.create(url(node, path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(ConfigurableApplicationContext node, String path, String fileName, byte[] content)
				throws Exception {
			String csrf = csrf(node, path);
			String boundary = "----portal" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(url(node, path)))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
