package cn.unionportal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The README's run command keeps working: the portal boots on its embedded H2 default (the file
 * database URL of application.properties, with its options, in a fresh data directory under
 * target/ instead of ./data), gets a generated database password, keeps its files private, listens
 * on no port but HTTP, Flyway
 * migrates it, the demo data loads by itself, {@code /login} is served and a demo account signs in.
 * The demo accounts are there before Tomcat accepts the first request (no start-up window in
 * which the demo logins fail), and the session cookie and headers carry SameSite=Lax and
 * Referrer-Policy, without Secure or HSTS when TLS is not configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=${smoke.datasource.url}", "portal.demo.enabled=",
		"portal.data.key-file=${smoke.data}/portal-data.key", "portal.aid.attachments-dir=${smoke.data}/attachments" })
class EmbeddedDefaultSmokeTest {

	/** A fresh data directory for this run, in place of {@code ./data}. */
	static final Path DATA = Path.of("target/smoke-db/" + UUID.randomUUID() + "/data").toAbsolutePath();

	static {
		System.setProperty("smoke.data", DATA.toString());
		System.setProperty("smoke.datasource.url", defaultUrl().replace("./data/", DATA + "/"));
	}

	@LocalServerPort
	int port;

	@Autowired
	AtomicLong accountsWhenTheServerStarted;

	@TestConfiguration
	static class WhenTheServerStarts {

		@Bean
		AtomicLong accountsWhenTheServerStarted() {
			return new AtomicLong(-1);
		}

		/** Published once Tomcat's connector accepts requests. */
		@Bean
		ApplicationListener<ServletWebServerInitializedEvent> countAccountsWhenTheServerStarts(JdbcTemplate jdbc,
				AtomicLong accountsWhenTheServerStarted) {
			return event -> accountsWhenTheServerStarted.set(jdbc.queryForObject(
					"SELECT COUNT(*) FROM staff_account WHERE username IN ('admin', 'wendeng', 'huancui')", Long.class));
		}
	}

	@Test
	void theDemoAccountsExistBeforeTheServerAcceptsRequests() {
		assertThat(accountsWhenTheServerStarted.get()).isEqualTo(3);
	}

	@Autowired
	DataSourceProperties dataSource;

	/** The embedded default of application.properties, with all its options. */
	static String defaultUrl() {
		Properties properties = new Properties();
		try (InputStream in = EmbeddedDefaultSmokeTest.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher url = Pattern.compile("\\$\\{PORTAL_DB_URL:(jdbc:h2:file:\\./data/[^}]+)}")
			.matcher(properties.getProperty("spring.datasource.url"));
		assertThat(url.matches()).as("the default URL is the embedded H2 file database under ./data").isTrue();
		return url.group(1);
	}

	@Test
	void theEmbeddedDatabaseHasAGeneratedPasswordAndPrivateFiles() throws Exception {
		assertThat(dataSource.getUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
		String password = Files.readString(DATA.resolve("portal-db.password")).strip();
		assertThat(dataSource.getPassword()).isEqualTo(password).hasSize(43);
		assertThat(DATA.resolve("portal.mv.db")).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
		for (String file : List.of("portal.mv.db", "portal-db.password", "portal-data.key")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
	}

	/**
	 * Every TCP port this JVM listens on answers HTTP: the portal's own port (and those of other
	 * test contexts in this JVM), never a database server (H2's AUTO_SERVER listened on all
	 * interfaces with a key in a world-readable lock file).
	 */
	@Test
	void listensOnNoPortButHttp() throws Exception {
		assumeThat(Path.of("/proc/net/tcp")).exists();
		Set<Integer> ports = listeningPorts();
		assertThat(ports).contains(port);
		for (int listening : ports) {
			try (Socket socket = new Socket("127.0.0.1", listening)) {
				socket.setSoTimeout(5000);
				socket.getOutputStream().write("HEAD /login HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] answer = socket.getInputStream().readNBytes(8);
				assertThat(new String(answer, StandardCharsets.ISO_8859_1)).as("port " + listening).startsWith("HTTP/1.");
			}
		}
	}

	/** The TCP ports in LISTEN state whose sockets belong to this process (from /proc). */
	static Set<Integer> listeningPorts() throws IOException {
		Set<String> own = new HashSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
			for (Path fd : fds) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						own.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException closedMeanwhile) {
					// the descriptor went away while listing
				}
			}
		}
		Set<Integer> ports = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length > 9 && fields[3].equals("0A") && own.contains(fields[9])) {
					String local = fields[1];
					ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

	@Test
	void servesTheLoginPageAndSignsInTheDemoAdministrator() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("登录工会服务门户");
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).isTrue();

		String form = "username=admin&password=portal-demo-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> tree = client.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tree.statusCode()).isEqualTo(200);
		// the staff home page (issue 12): work queues and headline figures, computed on H2 too
		assertThat(tree.uri().getPath()).isEqualTo("/");
		assertThat(tree.body()).contains("工作台").contains("待我审批的救助").contains("年末会员数");
		tree = client.send(HttpRequest.newBuilder(url("/organizations")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tree.statusCode()).isEqualTo(200);
		HttpResponse<String> statistics = client.send(HttpRequest.newBuilder(url("/statistics")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(statistics.statusCode()).as("the statistics page on H2").isEqualTo(200);
		assertThat(statistics.body()).contains("五年成就");
		assertThat(tree.body()).contains("文登区总工会").contains("环翠区总工会").contains("威海临港经济技术开发区总工会");

		HttpResponse<String> css = client.send(HttpRequest.newBuilder(url("/webjars/bootstrap/css/bootstrap.min.css")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(css.statusCode()).as("Bootstrap is served from the WebJar, no CDN").isEqualTo(200);
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
