package cn.unionportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} refuses to start without explicit secrets ({@code ${VAR:?message}}:
 * Compose stops with the message when the variable is unset or empty), has no default password
 * or key, and serves with the TLS setting on.
 */
class DockerComposeTest {

	private static final Path COMPOSE = Path.of("docker-compose.yml");

	@Test
	void secretsAreRequiredAndHaveNoDefaults() throws IOException {
		String compose = Files.readString(COMPOSE);
		for (String secret : List.of("POSTGRES_PASSWORD", "PORTAL_DB_PASSWORD", "PORTAL_ADMIN_PASSWORD", "PORTAL_DATA_KEY")) {
			Matcher line = Pattern.compile("(?m)^\\s+" + secret + ":\\s*(.*)$").matcher(compose);
			assertThat(line.find()).as(secret).isTrue();
			assertThat(line.group(1)).as(secret).matches("\\$\\{[A-Z_]+:\\?[^}]+\\}");
		}
		assertThat(compose).doesNotContain("change-me-now").doesNotContain(":-}").doesNotContain("PASSWORD: portal");
	}

	@Test
	void tlsIsOn() throws IOException {
		assertThat(Files.readString(COMPOSE)).containsPattern("(?m)^\\s+PORTAL_SECURITY_TLS: \"true\"$");
	}

	/**
	 * Issue 14: two portal nodes (merged from one anchor, so they cannot drift) with their own node
	 * ids and the secrets, the shared attachments volume, a proxy in front, and the image's health
	 * check, layers and non-root user. No Docker engine runs here: this reads the files as
	 * {@code docker compose config} would merge them.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void twoNodesBehindAProxyShareSessionsAndFiles() throws IOException {
		Map<String, Object> compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(COMPOSE));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsKeys("postgres", "portal-a", "portal-b", "proxy");
		for (String node : List.of("portal-a", "portal-b")) {
			Map<String, Object> service = (Map<String, Object>) services.get(node);
			Map<String, Object> environment = (Map<String, Object>) service.get("environment");
			assertThat(environment).containsEntry("PORTAL_NODE_ID", node)
				.containsKeys("PORTAL_DB_PASSWORD", "PORTAL_DATA_KEY", "PORTAL_ADMIN_PASSWORD", "PORTAL_DB_URL");
			assertThat(String.valueOf(environment.get("PORTAL_DATA_KEY"))).contains(":?");
			assertThat((List<String>) service.get("volumes")).contains("portal-data:/app/data");
			assertThat(service).containsKey("stop_grace_period");
		}
		assertThat(Files.readString(Path.of("deploy/nginx.conf"))).contains("server portal-a:8080")
			.contains("server portal-b:8080")
			.doesNotContainPattern("(?m)^\\s*(sticky|ip_hash|hash)\\b");
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		assertThat(dockerfile).contains("HEALTHCHECK").contains("--layers").contains("USER portal")
			.contains("MaxRAMPercentage").containsPattern("(?m)^USER portal$");
	}
}
