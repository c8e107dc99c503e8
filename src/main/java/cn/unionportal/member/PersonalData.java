package cn.unionportal.member;

import java.time.LocalDate;
import java.util.regex.Pattern;

import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.masking.Masking;
import org.springframework.stereotype.Component;

/**
 * Protects members' ID and phone numbers: encrypts them, computes the lookup hash and the masked
 * form, and checks phone numbers.
 */
@Component
public class PersonalData {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final PersonalDataCipher cipher;

	PersonalData(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	ProtectedValue protectIdNumber(String normalized) {
		return new ProtectedValue(cipher.encrypt(normalized), cipher.lookupHash(normalized), Masking.idNumber(normalized));
	}

	ProtectedValue protectPhone(String normalized) {
		if (normalized == null) {
			return null;
		}
		return new ProtectedValue(cipher.encrypt(normalized), cipher.lookupHash(normalized), Masking.phone(normalized));
	}

	/** The birth date encrypted, beside its clear year. */
	BirthDate protectBirthDate(LocalDate birthDate) {
		return new BirthDate(birthDate.getYear(), cipher.encrypt(birthDate.toString()));
	}

	/** The full birth date (for the audited unmasked export and for keeping it on an edit). */
	LocalDate reveal(BirthDate birthDate) {
		return LocalDate.parse(cipher.decrypt(birthDate.cipher()));
	}

	/** The keyed hash used to find an ID or phone number. */
	public String lookupHash(String value) {
		return cipher.lookupHash(value);
	}

	String decrypt(String cipherText) {
		return cipher.decrypt(cipherText);
	}

	/** A Chinese mobile number without spaces or hyphens, or {@code null} when blank. */
	public static String normalizePhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		return phone.replaceAll("[\\s-]", "");
	}

	public static boolean isMobile(String normalizedPhone) {
		return normalizedPhone != null && MOBILE.matcher(normalizedPhone).matches();
	}
}
