package cn.unionportal.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.PortalApplication;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberManagement.RevealableField;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.PortalPrincipal;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 4: {@code scripts/backup.sh} backs up the portal with its demo data (database and
 * attachments), {@code scripts/restore.sh} restores it into a fresh database and directory, a
 * portal started on the copy with the same data key finds the same counts and decrypts a
 * member's ID number; the restore refuses to overwrite an existing database.
 */
class BackupRestoreTest extends PostgresIntegrationTest {

	private static final List<String> TABLES = List.of("organization", "member", "staff_account", "hardship_file",
			"aid_case", "aid_payment", "audit_event", "flyway_schema_history");

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	@Value("${portal.aid.attachments-dir:./data/attachments}")
	String attachmentsDir;

	@Test
	void aBackupRestoredIntoAFreshDatabaseServesTheSameData() throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String source = db.url().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
		String copy = source + "_restore";
		dropDatabase(copy);
		Path work = Files.createTempDirectory("portal-backup");
		Path attachments = Files.createDirectories(Path.of(attachmentsDir));
		Files.writeString(attachments.resolve("backup-test-marker.bin"), "sealed");
		try {
			CurrentUser admin = ((PortalPrincipal) users.loadUserByUsername("admin")).currentUser();
			long memberId = jdbc.queryForObject("SELECT MIN(id) FROM member", Long.class);
			String idNumber = members.reveal(admin, memberId, RevealableField.ID_NUMBER);
			Map<String, Long> before = counts(jdbc);

			Process backup = run(List.of("scripts/backup.sh", work.resolve("backups").toString()),
					Map.of("PGDATABASE", source, "PGUSER", db.username(), "PORTAL_ATTACHMENTS_DIR", attachments.toString()));
			String backupDir = new String(backup.getInputStream().readAllBytes()).strip();
			assertThat(backup.waitFor()).isZero();
			assertThat(Path.of(backupDir, "database.dump")).isNotEmptyFile();
			assertThat(Files.readString(Path.of(backupDir, "MANIFEST"))).contains("database.dump");

			Path restoredAttachments = work.resolve("restored-attachments");
			Process restore = run(List.of("scripts/restore.sh", backupDir, copy, restoredAttachments.toString()),
					Map.of("PGUSER", db.username()));
			assertThat(restore.waitFor()).isZero();
			assertThat(restoredAttachments.resolve("backup-test-marker.bin")).hasContent("sealed");
			// a second restore into the same database is refused
			assertThat(run(List.of("scripts/restore.sh", backupDir, copy), Map.of("PGUSER", db.username())).waitFor())
				.isEqualTo(4);

			String copyUrl = db.url().replace("/" + source, "/" + copy);
			try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(PortalApplication.class)
				.run(TwoNodeClusterTest.arguments(Map.of("spring.datasource.url", copyUrl, "spring.datasource.username", db.username(),
						"spring.datasource.password", db.password(), "portal.data.key", TEST_DATA_KEY,
						"portal.public-base-url", PUBLIC_BASE_URL, "portal.demo.enabled", "false",
						"portal.aid.attachments-dir", restoredAttachments.toString(), "server.port", "0",
						"management.server.port", "-1", "spring.main.banner-mode", "off")))) {
				assertThat(counts(restored.getBean(JdbcTemplate.class))).isEqualTo(before);
				CurrentUser restoredAdmin = ((PortalPrincipal) restored.getBean(UserDetailsService.class)
					.loadUserByUsername("admin")).currentUser();
				String decrypted = restored.getBean(MemberManagement.class)
					.reveal(restoredAdmin, memberId, RevealableField.ID_NUMBER);
				assertThat(decrypted).isEqualTo(idNumber).hasSize(18);
			}
		}
		finally {
			Files.deleteIfExists(attachments.resolve("backup-test-marker.bin"));
			FileSystemUtils.deleteRecursively(work);
			dropDatabase(copy);
		}
	}

	private static Map<String, Long> counts(JdbcTemplate jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		return counts;
	}

	private static Process run(List<String> command, Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().putAll(environment);
		builder.environment().put("PGHOST", "127.0.0.1");
		builder.environment().put("PGPORT", "5432");
		return builder.start();
	}

	private static void dropDatabase(String name) throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String admin = db.url().replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
		try (Connection c = DriverManager.getConnection(admin, db.username(), db.password());
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}
}
