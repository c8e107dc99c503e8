package cn.unionportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
