package cn.unionportal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command keeps working: the portal boots on its embedded H2 default (a file
 * database, PostgreSQL mode, as {@code ./mvnw spring-boot:run} uses, here under target/), Flyway
 * migrates it, the demo data loads by itself, {@code /login} is served and a demo account signs in.
 * The demo accounts are there before Tomcat accepts the first request (no start-up window in
 * which the demo logins fail), and the session cookie and headers carry SameSite=Lax and
 * Referrer-Policy, without Secure or HSTS when TLS is not configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/smoke-db/portal-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"portal.demo.enabled=", "portal.data.key-file=./target/smoke-db/portal-data.key" })
class EmbeddedDefaultSmokeTest {

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
		assertThat(tree.uri().getPath()).isEqualTo("/organizations");
		assertThat(tree.body()).contains("文登区总工会").contains("环翠区总工会").contains("威海临港经济技术开发区总工会");

		HttpResponse<String> css = client.send(HttpRequest.newBuilder(url("/webjars/bootstrap/css/bootstrap.min.css")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(css.statusCode()).as("Bootstrap is served from the WebJar, no CDN").isEqualTo(200);
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
