package cn.unionportal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from the message bundles: both languages have the same keys, every
 * key a template or the code uses exists, and no template carries hard-coded text.
 */
class I18nTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

	/** Text without letters (punctuation, symbols such as + − : —) is not language. */
	private static final Pattern LETTERS = Pattern.compile("[\\p{L}]");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> chinese = load("messages.properties").stringPropertyNames();
		Set<String> english = load("messages_en.properties").stringPropertyNames();
		assertThat(new TreeSet<>(english)).as("keys missing in English").containsAll(chinese);
		assertThat(new TreeSet<>(chinese)).as("keys missing in Chinese").containsAll(english);
		load("messages.properties").forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
	}

	@Test
	void everyLiteralKeyInTemplatesAndCodeExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		Pattern templateKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Pattern fragmentKey = Pattern.compile("::\\s*input\\('([a-zA-Z0-9_.]+)'.*?,\\s*'?([a-zA-Z0-9_.]+|null)'?\\)");
		Pattern codeKey = Pattern.compile("\"((?:organization|account|login|validation|member|aid|error)\\.[a-zA-Z0-9_.]+)\"");
		for (Path file : files(TEMPLATES, ".html")) {
			String text = Files.readString(file);
			collect(templateKey.matcher(text), 1, keys, missing, file);
			Matcher fragments = fragmentKey.matcher(text);
			while (fragments.find()) {
				check(fragments.group(1), keys, missing, file);
				if (!"null".equals(fragments.group(2))) {
					check(fragments.group(2), keys, missing, file);
				}
			}
		}
		for (Path file : files(JAVA, ".java")) {
			String text = Files.readString(file);
			collect(codeKey.matcher(text), 1, keys, missing, file);
			Matcher validation = Pattern.compile("message = \"\\{([a-zA-Z0-9_.]+)}\"").matcher(text);
			collect(validation, 1, keys, missing, file);
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void enumLabelsExistForEveryConstant() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		for (var type : cn.unionportal.organization.OrganizationType.values()) {
			assertThat(keys).contains("organization.type." + type);
		}
		for (var status : cn.unionportal.organization.OrganizationStatus.values()) {
			assertThat(keys).contains("organization.status." + status);
		}
		for (var role : cn.unionportal.shared.security.StaffRole.values()) {
			assertThat(keys).contains("account.role." + role);
		}
		for (var outcome : cn.unionportal.account.LoginOutcome.values()) {
			assertThat(keys).contains("login.outcome." + outcome);
		}
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			Document document = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:errors")
						|| element.hasAttr("th:replace") || element.hasAttr("th:insert")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (LETTERS.matcher(text.text()).find()) {
						offences.add(file + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
					}
				}
				for (String attribute : TEXT_ATTRIBUTES) {
					String value = element.attr(attribute);
					if (!value.isEmpty() && LETTERS.matcher(value).find() && !attribute.equals("value")) {
						offences.add(file + ": " + attribute + "=\"" + value + "\"");
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	private static void collect(Matcher matcher, int group, Set<String> keys, List<String> missing, Path file) {
		while (matcher.find()) {
			check(matcher.group(group), keys, missing, file);
		}
	}

	private static void check(String key, Set<String> keys, List<String> missing, Path file) {
		if (!key.endsWith(".") && !keys.contains(key)) {
			missing.add(file + ": " + key);
		}
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(path -> path.toString().endsWith(suffix)).toList();
		}
	}

	/**
	 * All bundles of {@code spring.messages.basename} merged, for one language: "messages.properties"
	 * stands for the default (Chinese) files, "messages_en.properties" for the English ones.
	 */
	private static Properties load(String name) throws IOException {
		String suffix = name.contains("_en") ? "_en.properties" : ".properties";
		Properties application = new Properties();
		try (InputStream in = I18nTest.class.getResourceAsStream("/application.properties")) {
			application.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Properties merged = new Properties();
		for (String basename : application.getProperty("spring.messages.basename").split(",")) {
			String file = "/" + basename.strip() + suffix;
			try (InputStream in = I18nTest.class.getResourceAsStream(file)) {
				assertThat(in).as(file).isNotNull();
				Properties bundle = new Properties();
				bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String key : bundle.stringPropertyNames()) {
					assertThat(merged).as("key %s defined twice", key).doesNotContainKey(key);
					merged.setProperty(key, bundle.getProperty(key));
				}
			}
		}
		return merged;
	}
}
