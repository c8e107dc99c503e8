package cn.unionportal.shared.masking;

/**
 * Masks personal data for display. Every method returns an empty string for
 * {@code null} or blank input, trims surrounding whitespace, works on Unicode
 * code points, replaces each hidden character by one {@code '*'} (so the length
 * is preserved) and never throws.
 *
 * <p>Formats:
 * <ul>
 * <li>{@link #idNumber(String)}: only the last 2 characters, and never more
 * than a third of all characters: {@code ****************3X},
 * {@code *************01}. Region, birth date and the first two sequence digits
 * stay hidden, so that this together with the birth year, the gender and a
 * guessed region still leaves about 3,300 candidate resident ID numbers (the
 * rule and the figures: docs/architecture.md, "Personal data"). Showing the
 * last 4 would leave about 33, and the birth date beside the old
 * {@code 371002********123X} left exactly one.</li>
 * <li>{@link #phone(String)}: 11-digit mainland mobiles keep the first 3 and
 * last 4, {@code 138****5678}; anything else keeps only the last
 * {@code min(4, length / 3)} characters.</li>
 * <li>{@link #name(String)}: first and last character kept, the middle masked,
 * {@code 王*初}, {@code 欧**娜}; two characters keep the first, {@code 王*};
 * a single character is fully masked, {@code *}.</li>
 * <li>{@link #bankCard(String)}: spaces and hyphens removed, only the last 4
 * digits kept, no grouping, {@code ***************0123}; short values keep at
 * most a third.</li>
 * </ul>
 */
public final class Masking {

	private static final char MASK = '*';
	private static final int ID_VISIBLE = 2;

	private Masking() {
	}

	/**
	 * Masks an identity document number.
	 *
	 * @param value the number, may be {@code null}
	 * @return the masked number, or {@code ""}
	 */
	public static String idNumber(String value) {
		String text = clean(value);
		return keep(text, 0, Math.min(ID_VISIBLE, codePoints(text) / 3));
	}

	/**
	 * Masks a phone number.
	 *
	 * @param value the number, may be {@code null}
	 * @return the masked number, or {@code ""}
	 */
	public static String phone(String value) {
		String text = clean(value);
		String digits = text.replace(" ", "").replace("-", "");
		if (isMainlandMobile(digits)) {
			return keep(digits, 3, 4);
		}
		return keep(text, 0, Math.min(4, codePoints(text) / 3));
	}

	/**
	 * Masks a personal name.
	 *
	 * @param value the name, may be {@code null}
	 * @return the masked name, or {@code ""}
	 */
	public static String name(String value) {
		String text = clean(value);
		int length = codePoints(text);
		if (length <= 2) {
			return keep(text, length - 1, 0);
		}
		return keep(text, 1, 1);
	}

	/**
	 * Masks a bank card number.
	 *
	 * @param value the number, may be {@code null}
	 * @return the masked number without separators, or {@code ""}
	 */
	public static String bankCard(String value) {
		String text = clean(value).replace(" ", "").replace("-", "");
		return keep(text, 0, Math.min(4, codePoints(text) / 3));
	}

	private static boolean isMainlandMobile(String digits) {
		return digits.length() == 11 && digits.charAt(0) == '1' && digits.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}

	private static int codePoints(String text) {
		return text.codePointCount(0, text.length());
	}

	private static String keep(String text, int head, int tail) {
		int[] points = text.codePoints().toArray();
		if (points.length == 0) {
			return "";
		}
		int first = Math.max(head, 0);
		int last = Math.max(tail, 0);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < points.length; i++) {
			boolean visible = i < first || i >= points.length - last;
			if (visible) {
				out.appendCodePoint(points[i]);
			}
			else {
				out.append(MASK);
			}
		}
		return out.toString();
	}
}
