package cn.unionportal.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core (the accessibility engine, {@code axe.min.js} from the test dependency pinned in
 * {@code pom.xml}, never fetched at run time) on the page a browser shows and fails on any WCAG 2.0
 * or 2.1 level A or AA violation, listing each rule with the elements that break it.
 */
public final class AxeCheck {

	/** The rules checked: WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String SOURCE = load();

	private AxeCheck() {
	}

	private static String load() {
		try (InputStream in = AxeCheck.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (see pom.xml)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read axe.min.js", ex);
		}
	}

	/** Fails when the current page breaks a WCAG 2 A or AA rule. */
	public static void assertAccessible(JavascriptExecutor browser) {
		Object installed = browser.executeScript("return typeof window.axe !== 'undefined'");
		if (!Boolean.TRUE.equals(installed)) {
			browser.executeScript(SOURCE);
		}
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -> '
				      + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')
				          .replace(/\\s+/g, ' ')).join(' | '))))
				  .catch(e => done(['axe failed: ' + e]));""", TAGS);
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) result;
		Object url = browser.executeScript("return location.href");
		assertThat(violations).as("WCAG 2 A/AA violations (axe-core) on " + url).isEmpty();
	}
}
