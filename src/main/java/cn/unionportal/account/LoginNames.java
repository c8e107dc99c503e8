package cn.unionportal.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical form of a typed login name, computed once before the account is looked up
 * and before a failure is counted: NFKC (full-width letters and digits become ASCII), then every
 * Unicode space and invisible separator removed (U+3000, no-break and zero-width spaces too).
 * Staff user names are then lower-cased; members' card and mobile numbers are normalized further
 * by their {@link LoginSource}.
 */
public final class LoginNames {

	private LoginNames() {
	}

	/** NFKC without any whitespace or invisible separator; {@code ""} for {@code null}. */
	public static String strip(String typed) {
		if (typed == null) {
			return "";
		}
		String normalized = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		StringBuilder name = new StringBuilder(normalized.length());
		normalized.codePoints()
			.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c))
			.forEach(name::appendCodePoint);
		return name.toString();
	}

	/** A staff user name as stored and compared. */
	public static String staff(String typed) {
		return strip(typed).toLowerCase(Locale.ROOT);
	}

	private static boolean isInvisible(int c) {
		return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD
				|| Character.getType(c) == Character.CONTROL;
	}
}
