package cn.unionportal.shared;

import java.util.Locale;

/**
 * Turns what a user typed into a bound LIKE parameter (used with {@code ESCAPE '\'}).
 */
public final class SearchPatterns {

	private SearchPatterns() {
	}

	/** {@code %text%}, lower-cased, with {@code %}, {@code _} and {@code \} escaped. */
	public static String contains(String query) {
		String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
