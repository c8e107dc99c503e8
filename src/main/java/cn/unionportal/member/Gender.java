package cn.unionportal.member;

/**
 * Gender as encoded in the 17th digit of a GB 11643 citizen identity number:
 * odd for male, even (including 0) for female.
 */
public enum Gender {

	/** Odd 17th digit. */
	MALE,

	/** Even 17th digit. */
	FEMALE;

	/**
	 * Decodes the GB 11643 gender digit.
	 *
	 * @param digit the 17th digit, 0 to 9
	 * @return {@link #MALE} for odd digits, {@link #FEMALE} for even ones
	 */
	public static Gender fromSequenceDigit(int digit) {
		if (digit < 0 || digit > 9) {
			throw new IllegalArgumentException("Not a decimal digit: " + digit);
		}
		return digit % 2 == 1 ? MALE : FEMALE;
	}
}
