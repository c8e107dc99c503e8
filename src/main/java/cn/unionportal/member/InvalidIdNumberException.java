package cn.unionportal.member;

import java.util.Objects;

/**
 * Thrown when an identity document number fails validation. The English
 * message never repeats the submitted number, so it is safe to log; user
 * interfaces should map {@link #reason()} to a localized text.
 */
public final class InvalidIdNumberException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why the number was rejected, in the order checks are applied. */
	public enum Reason {

		/** Wrong number of characters. */
		LENGTH,

		/** Characters that are not allowed at their position. */
		FORMAT,

		/** Unknown province / region prefix, or a prefix that does not match the document type. */
		PROVINCE,

		/** Embedded birth date is not a real date, is before 1900 or is in the future. */
		BIRTH_DATE,

		/** GB 11643 (ISO 7064 MOD 11-2) check character does not match. */
		CHECK_DIGIT
	}

	private final Reason reason;

	/**
	 * Creates the exception.
	 *
	 * @param reason the failed check
	 * @param message an explanation that does not contain the number itself
	 */
	public InvalidIdNumberException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * Returns the failed check.
	 *
	 * @return the reason, never {@code null}
	 */
	public Reason reason() {
		return reason;
	}
}
