package cn.unionportal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code portal.security.tls=true} (the portal behind HTTPS, as in docker-compose.yml) the
 * session cookie is Secure and SameSite=Lax, and every answer carries HSTS, even when the TLS
 * proxy talks plain HTTP to Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.security.tls=true")
class TlsSettingTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresIntegrationTest.registerDatabase(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void secureCookieAndStrictTransportSecurity() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}
}
