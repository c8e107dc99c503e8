package cn.unionportal.support;

import cn.unionportal.member.ResidentIdNumber;

/**
 * Valid resident ID numbers for tests (issue 9: one helper instead of the formula copied into a
 * dozen test classes). The n-th number of a region and birth year has a birth date and sequence
 * taken from n, so a test class that counts its own n gets distinct numbers.
 */
public final class IdNumbers {

	private IdNumbers() {
	}

	/** A valid 18-character number: region, birth year, a month and day from n, three digits of n, check. */
	public static String resident(String region, int birthYear, long n) {
		String body = region + birthYear + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", n % 1000);
		return body + ResidentIdNumber.checkDigit(body);
	}

	/** A valid number with a fixed birth date (for tests that register one known person). */
	public static String resident(String region, String birthDate, String sequence) {
		String body = region + birthDate + sequence;
		return body + ResidentIdNumber.checkDigit(body);
	}
}
