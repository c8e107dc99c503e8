package cn.unionportal.aid.lookup;

import java.security.SecureRandom;

/**
 * Lookup codes for families (一户一码): 10 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), the last a check character, printed in two groups ({@code K7M2Q-X9PA3}).
 * Random, so a code says nothing about the household; the public page also needs the last four
 * characters of the worker's ID number.
 */
public final class LookupCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private LookupCodes() {
	}

	public static String generate() {
		StringBuilder code = new StringBuilder(10);
		for (int i = 0; i < 9; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.append(check(code)).toString();
	}

	/** Upper-case, without spaces or hyphens; {@code null} for anything that is not a valid code. */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		String code = text.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
		if (code.length() != 10 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
			return null;
		}
		return check(code.substring(0, 9)) == code.charAt(9) ? code : null;
	}

	/** {@code K7M2Q-X9PA3}: easier to read out and type. */
	public static String display(String code) {
		return code == null ? null : code.substring(0, 5) + "-" + code.substring(5);
	}

	private static char check(CharSequence body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
		}
		return ALPHABET.charAt(sum % ALPHABET.length());
	}
}
