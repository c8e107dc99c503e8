package cn.unionportal.member;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.unionportal.member.InvalidIdNumberException.Reason;

/**
 * Validates and normalizes identity document numbers by {@link DocumentType}.
 *
 * <ul>
 * <li>{@link DocumentType#RESIDENT_ID}: a {@link ResidentIdNumber} whose
 * province code is not 81, 82 or 83 (those are residence permits and must be
 * registered under their own type; rejected with {@link Reason#PROVINCE}).</li>
 * <li>{@link DocumentType#HK_MACAO_RESIDENCE_PERMIT}: a {@link ResidentIdNumber}
 * whose first six digits are {@code 810000} (Hong Kong) or {@code 820000} (Macao).</li>
 * <li>{@link DocumentType#TAIWAN_RESIDENCE_PERMIT}: a {@link ResidentIdNumber}
 * whose first six digits are {@code 830000}.</li>
 * <li>{@link DocumentType#FOREIGN_PERMANENT_RESIDENCE}: either the 2017
 * edition, 15 characters = 3 Latin letters (nationality code) + 12 digits,
 * checked for shape only because its check algorithm is not published; or the
 * 2023 edition (issued from 2023-12-01), 18 characters = {@code 9} + 16 digits
 * + a GB 11643 MOD 11-2 check character ({@code 0-9} or {@code X}).</li>
 * </ul>
 *
 * <p>Input is trimmed and upper-cased before validation.
 */
public final class IdentityDocuments {

	private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");
	private static final Pattern FOREIGN_2023 = Pattern.compile("9[0-9]{16}[0-9X]");
	private static final int FOREIGN_2017_LENGTH = 15;

	private IdentityDocuments() {
	}

	/**
	 * Validates a document number.
	 *
	 * @param type the document type
	 * @param number the number as entered
	 * @return the normalized number (trimmed, upper-case)
	 * @throws InvalidIdNumberException if the number is not valid for the type
	 */
	public static String validate(DocumentType type, String number) {
		return validate(type, number, LocalDate.now());
	}

	static String validate(DocumentType type, String number, LocalDate today) {
		Objects.requireNonNull(type, "type");
		return switch (type) {
			case RESIDENT_ID -> residentId(number, today);
			case HK_MACAO_RESIDENCE_PERMIT -> permit(number, today, "810000", "820000");
			case TAIWAN_RESIDENCE_PERMIT -> permit(number, today, "830000");
			case FOREIGN_PERMANENT_RESIDENCE -> foreignPermanentResidence(number);
		};
	}

	private static String residentId(String number, LocalDate today) {
		String value = ResidentIdNumber.parse(number, today).value();
		String province = value.substring(0, 2);
		if (province.equals("81") || province.equals("82") || province.equals("83")) {
			throw new InvalidIdNumberException(Reason.PROVINCE,
					"This is a HK/Macao/Taiwan residence permit number; choose the residence permit document type");
		}
		return value;
	}

	private static String permit(String number, LocalDate today, String... prefixes) {
		String value = ResidentIdNumber.normalizeStructure(number);
		if (!startsWithAny(value, prefixes)) {
			throw new InvalidIdNumberException(Reason.PROVINCE,
					"Residence permit number must start with " + String.join(" or ", prefixes));
		}
		return ResidentIdNumber.parse(value, today).value();
	}

	private static String foreignPermanentResidence(String number) {
		String value = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
		if (value.length() == FOREIGN_2017_LENGTH) {
			return requireFormat(value, FOREIGN_2017,
					"2017 permanent residence card number must be 3 letters followed by 12 digits");
		}
		if (value.length() == ResidentIdNumber.LENGTH) {
			requireFormat(value, FOREIGN_2023,
					"2023 permanent residence card number must be 9, 16 digits and a digit or X");
			ResidentIdNumber.requireCheckDigit(value);
			return value;
		}
		throw new InvalidIdNumberException(Reason.LENGTH,
				"Permanent residence card number must have 15 or 18 characters but has " + value.length());
	}

	private static String requireFormat(String value, Pattern pattern, String message) {
		if (!pattern.matcher(value).matches()) {
			throw new InvalidIdNumberException(Reason.FORMAT, message);
		}
		return value;
	}

	private static boolean startsWithAny(String value, String... prefixes) {
		for (String prefix : prefixes) {
			if (value.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
