package cn.unionportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * docs/architecture.md shows the modules and their dependencies as a Mermaid diagram between the
 * markers {@code module-dependencies:begin/end}; this test fails when that diagram and Spring
 * Modulith's {@link ApplicationModules} (the code) disagree, and prints the block that would
 * match. It also writes Spring Modulith's own diagrams (PlantUML, plain and C4) to
 * {@code target/spring-modulith-docs} at build time.
 */
class ArchitectureDocumentTest {

	private static final Path DOCUMENT = Path.of("docs/architecture.md");

	private static final Path OUTPUT = Path.of("target/spring-modulith-docs");

	private static final Pattern BLOCK = Pattern
		.compile("<!-- module-dependencies:begin -->(.*?)<!-- module-dependencies:end -->", Pattern.DOTALL);

	private static final Pattern EDGE = Pattern.compile("(?m)^\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*$");

	private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

	@Test
	void theDiagramInTheArchitectureDocumentMatchesTheCode() throws IOException {
		Map<String, SortedSet<String>> code = dependenciesInCode();
		Matcher block = BLOCK.matcher(Files.readString(DOCUMENT));
		assertThat(block.find()).as("docs/architecture.md has a module-dependencies block").isTrue();
		Map<String, SortedSet<String>> documented = new TreeMap<>();
		code.keySet().forEach(module -> documented.put(module, new TreeSet<>()));
		Matcher edge = EDGE.matcher(block.group(1));
		while (edge.find()) {
			documented.computeIfAbsent(edge.group(1), m -> new TreeSet<>()).add(edge.group(2));
		}
		assertThat(documented).as("the dependencies in docs/architecture.md; the code has:%n%s", mermaid(code))
			.isEqualTo(code);
	}

	@Test
	void writesTheModuleDiagramsAtBuildTime() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()).withoutClean())
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.resolve("c4").toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.C4));
		assertThat(OUTPUT.resolve("components.puml")).exists();
		assertThat(OUTPUT.resolve("c4/components.puml")).exists();
	}

	private Map<String, SortedSet<String>> dependenciesInCode() {
		Map<String, SortedSet<String>> code = new TreeMap<>();
		for (ApplicationModule module : modules) {
			SortedSet<String> targets = new TreeSet<>();
			module.getDirectDependencies(modules).uniqueModules().forEach(target -> targets.add(name(target)));
			targets.remove(name(module));
			code.put(name(module), targets);
		}
		return code;
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	private static String mermaid(Map<String, SortedSet<String>> dependencies) {
		StringBuilder text = new StringBuilder("```mermaid\nflowchart LR\n");
		dependencies.forEach((from, targets) -> targets.forEach(to -> text.append("    ").append(from).append(" --> ")
			.append(to).append('\n')));
		return text.append("```").toString();
	}
}
