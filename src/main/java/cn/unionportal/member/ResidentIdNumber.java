package cn.unionportal.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;

import cn.unionportal.member.InvalidIdNumberException.Reason;
import cn.unionportal.shared.masking.Masking;

/**
 * An 18-character citizen identity number (公民身份号码) as defined by
 * GB 11643-1999: a 6-digit region code, an 8-digit birth date
 * ({@code yyyyMMdd}), a 3-digit sequence whose last digit encodes gender, and
 * an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>The province prefix must be one of the 34 provincial codes (11-15, 21-23,
 * 31-37, 41-46, 50-54, 61-65, 71, 81, 82); 83 is also accepted because
 * Taiwan residence permits share this format. HK/Macao/Taiwan residence
 * permits therefore parse here too; {@link IdentityDocuments} tells them apart.
 *
 * <p>Instances are immutable and always valid; {@link #toString()} is masked.
 */
public final class ResidentIdNumber {

	/** Number of characters. */
	public static final int LENGTH = 18;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK_CHARACTERS = "10X98765432";
	private static final Set<String> PROVINCES = Set.of(
			"11", "12", "13", "14", "15",
			"21", "22", "23",
			"31", "32", "33", "34", "35", "36", "37",
			"41", "42", "43", "44", "45", "46",
			"50", "51", "52", "53", "54",
			"61", "62", "63", "64", "65",
			"71", "81", "82", "83");
	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
			.withResolverStyle(ResolverStyle.STRICT);
	private static final int EARLIEST_BIRTH_YEAR = 1900;

	private final String value;
	private final LocalDate birthDate;

	private ResidentIdNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/**
	 * Parses and validates a number. Surrounding whitespace is ignored and a
	 * lower-case {@code x} check character is normalized to {@code X}.
	 *
	 * @param text the number as entered
	 * @return the validated number
	 * @throws InvalidIdNumberException with the first failed {@link Reason}, checked
	 *         in the order LENGTH, FORMAT, PROVINCE, BIRTH_DATE, CHECK_DIGIT
	 */
	public static ResidentIdNumber parse(String text) {
		return parse(text, LocalDate.now());
	}

	static ResidentIdNumber parse(String text, LocalDate today) {
		String value = normalizeStructure(text);
		requireProvince(value);
		LocalDate birthDate = requireBirthDate(value, today);
		requireCheckDigit(value);
		return new ResidentIdNumber(value, birthDate);
	}

	/**
	 * Computes the GB 11643 check character for the first 17 digits.
	 *
	 * @param first17 exactly 17 decimal digits
	 * @return a one-character string, {@code "0"}-{@code "9"} or {@code "X"}
	 * @throws IllegalArgumentException if the input is not 17 digits
	 */
	public static String checkDigit(String first17) {
		if (first17 == null || first17.length() != LENGTH - 1 || !isDigits(first17)) {
			throw new IllegalArgumentException("Expected exactly 17 decimal digits");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return String.valueOf(CHECK_CHARACTERS.charAt(sum % 11));
	}

	/**
	 * Trims, upper-cases and checks length and character classes only.
	 *
	 * @return the normalized 18-character text
	 */
	static String normalizeStructure(String text) {
		String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		if (value.length() != LENGTH) {
			throw new InvalidIdNumberException(Reason.LENGTH,
					"Identity number must have 18 characters but has " + value.length());
		}
		char last = value.charAt(LENGTH - 1);
		if (!isDigits(value.substring(0, LENGTH - 1)) || !(isDigit(last) || last == 'X')) {
			throw new InvalidIdNumberException(Reason.FORMAT,
					"Identity number must be 17 digits followed by a digit or X");
		}
		return value;
	}

	static void requireCheckDigit(String value) {
		String expected = checkDigit(value.substring(0, LENGTH - 1));
		if (value.charAt(LENGTH - 1) != expected.charAt(0)) {
			throw new InvalidIdNumberException(Reason.CHECK_DIGIT,
					"Identity number check character does not match; please check for typos");
		}
	}

	static LocalDate requireBirthDate(String value, LocalDate today) {
		LocalDate date;
		try {
			date = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
		}
		catch (DateTimeException ex) {
			throw new InvalidIdNumberException(Reason.BIRTH_DATE, "Identity number contains an invalid birth date");
		}
		if (date.getYear() < EARLIEST_BIRTH_YEAR || date.isAfter(today)) {
			throw new InvalidIdNumberException(Reason.BIRTH_DATE,
					"Identity number birth date must be between 1900-01-01 and today");
		}
		return date;
	}

	private static void requireProvince(String value) {
		if (!PROVINCES.contains(value.substring(0, 2))) {
			throw new InvalidIdNumberException(Reason.PROVINCE, "Identity number has an unknown province code");
		}
	}

	private static boolean isDigits(String text) {
		return text.chars().allMatch(ResidentIdNumber::isDigit);
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Returns the normalized number.
	 *
	 * @return 18 characters, check character upper-case
	 */
	public String value() {
		return value;
	}

	/**
	 * Returns the birth date encoded in characters 7-14.
	 *
	 * @return the birth date
	 */
	public LocalDate birthDate() {
		return birthDate;
	}

	/**
	 * Returns the gender encoded in the 17th digit (odd is male).
	 *
	 * @return the gender
	 */
	public Gender gender() {
		return Gender.fromSequenceDigit(value.charAt(16) - '0');
	}

	/**
	 * Returns the administrative region code, the first 6 digits.
	 *
	 * @return for example {@code "371002"}
	 */
	public String regionCode() {
		return value.substring(0, 6);
	}

	/**
	 * Returns the last four characters, as commonly used for confirmation.
	 *
	 * @return for example {@code "002X"}
	 */
	public String lastFour() {
		return value.substring(LENGTH - 4);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ResidentIdNumber that && value.equals(that.value));
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/**
	 * Returns the masked number, so that it cannot leak into logs.
	 *
	 * @return for example {@code "****************2X"}
	 */
	@Override
	public String toString() {
		return Masking.idNumber(value);
	}
}
