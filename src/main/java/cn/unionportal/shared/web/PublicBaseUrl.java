package cn.unionportal.shared.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address families and staff reach the portal at ({@code portal.public-base-url}), for links
 * that leave the browser: the status page printed on the family code card and in its QR code.
 * <p>
 * Never taken from the request: its {@code Host} header is whatever the client sent, and a card
 * printed with {@code Host: portal.attacker.example} would send families to that site. The
 * setting is required outside the embedded default; on the embedded H2 database it defaults to
 * {@value #EMBEDDED_DEFAULT}, the address {@code ./mvnw spring-boot:run} answers at, and so it does
 * for a run of the data generator ({@code portal.generate}), which prints no card. A missing or
 * malformed setting stops the start with a message that names it.
 */
@Component
public class PublicBaseUrl {

	static final String EMBEDDED_DEFAULT = "http://localhost:8080";

	private final String base;

	PublicBaseUrl(@Value("${portal.public-base-url:}") String configured,
			@Value("${spring.datasource.url:}") String datasourceUrl, @Value("${portal.generate:}") String generate) {
		this.base = resolve(configured, datasourceUrl.startsWith("jdbc:h2:") || !generate.isBlank());
	}

	static String resolve(String configured, boolean embeddedOrGenerator) {
		String text = configured == null ? "" : configured.strip();
		if (text.isEmpty()) {
			if (embeddedOrGenerator) {
				return EMBEDDED_DEFAULT;
			}
			throw new IllegalStateException("portal.public-base-url (PORTAL_PUBLIC_BASE_URL) is required when the "
					+ "portal runs on a database other than its embedded default: set it to the address users reach "
					+ "the portal at, e.g. https://portal.example.cn (it is printed on the family code cards)");
		}
		try {
			URI uri = new URI(text);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| uri.getRawUserInfo() != null) {
				throw new URISyntaxException(text, "not an http(s) address without query, fragment or user");
			}
		}
		catch (URISyntaxException malformed) {
			throw new IllegalStateException("portal.public-base-url (PORTAL_PUBLIC_BASE_URL) must be an absolute "
					+ "http or https address such as https://portal.example.cn, not '" + text + "'", malformed);
		}
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/** The configured base without a trailing slash, e.g. {@code https://portal.example.cn}. */
	public String value() {
		return base;
	}

	/** An absolute link to a path of the portal, e.g. {@code /status}, with an optional query parameter. */
	public String link(String path, String parameter, String value) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base).path(path);
		if (parameter != null) {
			builder.queryParam(parameter, value);
		}
		return builder.encode().build().toUriString();
	}
}
