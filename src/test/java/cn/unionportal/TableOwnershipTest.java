package cn.unionportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No module reads another module's tables (issue 9): what it needs comes through the owning
 * module's API. Spring Modulith does not see SQL, so this test looks at the sources.
 */
class TableOwnershipTest {

	private static final Path SOURCES = Path.of("src/main/java/cn/unionportal");

	@Test
	void aidAsksTheOrganizationModuleInsteadOfReadingItsTable() {
		assertThat(readers("aid", Pattern.compile("(?i)\\b(FROM|JOIN)\\s+organization\\b(?!_)"))).isEmpty();
	}

	@Test
	void benefitsFiltersByMemberThroughTheMemberModulesPublishedSubquery() {
		assertThat(readers("benefits", Pattern.compile("(?i)\\b(FROM|JOIN)\\s+member\\b(?!_)"))).isEmpty();
	}

	/** Flyway's Java migrations (V11_1 rewrote old audit lines) are the schema's history, not readers. */
	@Test
	void nothingButTheAuditModuleTouchesTheAuditTable() {
		assertThat(readers("", Pattern.compile("(?i)\\baudit_event\\b")))
			.allMatch(path -> path.startsWith(SOURCES.resolve("audit")));
	}

	/**
	 * The closure subquery is written once, in the organization module (Scope.SUBTREE, ScopedQuery,
	 * the closure maintenance and the bulk writer); other modules use the scope kit (issue 9).
	 */
	@Test
	void onlyTheOrganizationModuleAndItsMigrationsNameTheClosureTable() throws IOException {
		Path main = Path.of("src/main");
		List<Path> named;
		try (Stream<Path> files = Files.walk(main)) {
			named = files.filter(Files::isRegularFile)
				.filter(p -> bytes(p).contains("organization_closure"))
				.map(main::relativize)
				.toList();
		}
		assertThat(named).isNotEmpty()
			.allMatch(p -> p.startsWith("java/cn/unionportal/organization") || p.startsWith("resources/db/migration")
					|| p.startsWith("resources/db/vendor"));
	}

	private static List<Path> readers(String module, Pattern sql) {
		try (Stream<Path> sources = Files.walk(SOURCES.resolve(module))) {
			return sources.filter(p -> p.toString().endsWith(".java"))
				.filter(p -> !p.getFileName().toString().matches("V\\d+(_\\d+)?__.*"))
				.filter(p -> sql.matcher(read(p)).find()).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Any file, binary ones too (ISO-8859-1 maps every byte). */
	private static String bytes(Path path) {
		try {
			return new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
