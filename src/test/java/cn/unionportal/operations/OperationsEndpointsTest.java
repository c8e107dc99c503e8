package cn.unionportal.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.unionportal.support.PostgresIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Issue 14 item 1: the management port answers liveness, readiness (database, migrations,
 * start-up data), info (version, commit, build time) and Prometheus metrics including the
 * business ones, with nothing sensitive; the application port does not serve them.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "management.server.port=0")
class OperationsEndpointsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MeterRegistry registry;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresIntegrationTest.registerDatabase(registry);
	}

	@Test
	void probesSayUpAndNameTheirChecks() throws Exception {
		HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"")
			.contains("\"db\"")
			.contains("\"migrations\"")
			.contains("\"startupData\"")
			.contains("\"readinessState\"");
		HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		// components are listed, details (database product, versions, counts) are not
		assertThat(get(managementPort, "/actuator/health").body()).doesNotContain("PostgreSQL").doesNotContain("validationQuery");
	}

	@Test
	void infoNamesVersionCommitAndBuildTime() throws Exception {
		String info = get(managementPort, "/actuator/info").body();
		assertThat(info).contains("\"version\":\"0.1.0-SNAPSHOT\"").contains("\"time\"").contains("\"java\"");
		assertThat(info).contains("\"git\"").contains("\"commit\"");
		assertThat(info).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("data.key");
	}

	@Test
	void prometheusShowsBusinessMetricsAndNothingPersonal() throws Exception {
		// a failed and a successful sign-in through the real form, then a refused-or-not status lookup
		signIn("wendeng", "wrong-password");
		signIn("wendeng", "portal-demo-2026");
		double failures = registry.counter("portal.sign.ins", "outcome", "failure").count();
		assertThat(failures).isGreaterThanOrEqualTo(1);
		assertThat(registry.counter("portal.sign.ins", "outcome", "success").count()).isGreaterThanOrEqualTo(1);

		HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("portal_sign_ins_total{application=\"union-portal\",outcome=\"failure\"}")
			.contains("hikaricp_connections_active")
			.contains("http_server_requests_seconds_bucket")
			.contains("jvm_memory_used_bytes");
		assertThat(scrape.body()).doesNotContain("wendeng").doesNotContain("127.0.0.1");
	}

	@Test
	void theApplicationPortServesNoActuator() throws Exception {
		assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(302, 401, 403, 404);
		assertThat(get(port, "/actuator/health").body()).doesNotContain("\"status\"");
	}

	private void signIn(String username, String password) throws Exception {
		// the login page gives the CSRF token and the session that carries it
		HttpResponse<String> page = get(port, "/login");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		String token = org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
		String form = "username=" + username + "&password=" + password + "&_csrf=" + token;
		http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
