package cn.unionportal.organization;

import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z), positions 3–8 an
 * administrative division code, and a check character computed over the first 17.
 */
public final class CreditCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Upper-cases and strips white space; {@code null} and blank give {@code null}. */
	public static String normalize(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Whether the (normalized) code is well formed and its check character is right. */
	public static boolean isValid(String code) {
		String normalized = normalize(code);
		if (normalized == null || normalized.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(normalized.charAt(i)) < 0) {
				return false;
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(normalized.charAt(i))) {
				return false;
			}
		}
		return checkCharacter(normalized.substring(0, 17)) == normalized.charAt(17);
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("a credit code body has 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}
}
