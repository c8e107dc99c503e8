package cn.unionportal.member;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Membership card numbers: {@code WH} + 2-digit issue year + 8-digit sequence +
 * 1 Luhn check digit computed over the 10 preceding digits, 13 characters in
 * all, for example {@code WH26000001235} (year 2026, sequence 123).
 *
 * <p>The Luhn digit catches every single-digit substitution and every
 * adjacent transposition except {@code 09} / {@code 90}. Input is normalized
 * (whitespace including the ideographic space and ASCII or full-width
 * hyphens removed, upper-cased) before validation, so
 * {@code "wh26-0000-0123-5"} is accepted.
 */
public final class CardNumbers {

	/** Fixed prefix (威海, Weihai). */
	public static final String PREFIX = "WH";

	/** Largest sequence that fits into eight digits. */
	public static final long MAX_SEQUENCE = 99_999_999L;

	private static final Pattern SHAPE = Pattern.compile("WH[0-9]{11}");
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000\\-\\uFF0D]+");

	private CardNumbers() {
	}

	/**
	 * Builds a card number.
	 *
	 * @param year the four-digit issue year, 2000 to 2099
	 * @param sequence the sequence within the year, 1 to {@value #MAX_SEQUENCE}
	 * @return the 13-character card number
	 * @throws IllegalArgumentException if year or sequence is out of range
	 */
	public static String format(int year, long sequence) {
		if (year < 2000 || year > 2099) {
			throw new IllegalArgumentException("Card year must be between 2000 and 2099 but was " + year);
		}
		if (sequence < 1 || sequence > MAX_SEQUENCE) {
			throw new IllegalArgumentException(
					"Card sequence must be between 1 and " + MAX_SEQUENCE + " but was " + sequence);
		}
		String payload = String.format(Locale.ROOT, "%02d%08d", year % 100, sequence);
		return PREFIX + payload + luhnCheckDigit(payload);
	}

	/**
	 * Tells whether the text is a well-formed card number with a correct check digit.
	 *
	 * @param text the number as entered, may be {@code null}
	 * @return {@code true} if valid after {@link #normalize(String) normalization}
	 */
	public static boolean isValid(String text) {
		String value = normalize(text);
		if (!SHAPE.matcher(value).matches()) {
			return false;
		}
		String payload = value.substring(PREFIX.length(), value.length() - 1);
		return value.charAt(value.length() - 1) - '0' == luhnCheckDigit(payload);
	}

	/**
	 * Removes whitespace (including U+3000) and hyphens (including U+FF0D) and
	 * upper-cases the text.
	 *
	 * @param text the number as entered, may be {@code null}
	 * @return the normalized text, {@code ""} for {@code null}
	 */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		return SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
	}

	static int luhnCheckDigit(String digits) {
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}
}
