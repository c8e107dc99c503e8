package cn.unionportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import cn.unionportal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The audit trail is a module of its own that every other module may use: it must therefore depend
 * on nothing but {@code shared}, and must not read the organization module's tables itself.
 */
class AuditModuleBoundaryTest {

	@Test
	void theAuditTrailIsAModuleThatDependsOnSharedOnly() {
		ApplicationModules modules = ApplicationModules.of(PortalApplication.class);
		ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();
		List<String> dependencies = audit.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()).toList();
		assertThat(dependencies).containsOnly("shared");
	}

	@Test
	void theAuditTrailLeavesTheClosureTableToTheOrganizationModule() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/cn/unionportal/audit"))) {
			List<Path> reading = sources.filter(Files::isRegularFile)
				.filter(p -> read(p).contains("organization_closure"))
				.toList();
			assertThat(reading).isEmpty();
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
