package cn.unionportal.shared.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes printed on certificates: 12 characters of Crockford's base 32 (no I, L, O, U;
 * 60 random bits, so codes cannot be guessed), shown in groups of four: {@code 7KQ2-M9XD-4RTB}.
 * Typed input is forgiving: case, spaces and dashes are ignored, and O/I/L read as 0/1/1.
 */
public final class CertificateCodes {

	/** Length of a code without its dashes. */
	public static final int LENGTH = 12;

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateCodes() {
	}

	/** A new random code, normalized (no dashes): store this form, with a unique constraint. */
	public static String newCode() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	/** The stored form of what someone typed or scanned, if it can be a code at all. */
	public static Optional<String> normalize(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		StringBuilder code = new StringBuilder(LENGTH);
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || Character.isWhitespace(c)) {
				continue;
			}
			char read = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (ALPHABET.indexOf(read) < 0 || code.length() == LENGTH) {
				return Optional.empty();
			}
			code.append(read);
		}
		return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
	}

	/** The printed form: groups of four joined by dashes. */
	public static String display(String code) {
		if (code == null || code.length() != LENGTH) {
			return code;
		}
		return code.substring(0, 4) + '-' + code.substring(4, 8) + '-' + code.substring(8);
	}
}
