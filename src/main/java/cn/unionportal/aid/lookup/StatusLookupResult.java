package cn.unionportal.aid.lookup;

/**
 * What the public status page answers. A wrong code and wrong ID digits give the same
 * {@link Outcome#NO_MATCH}; only {@link Outcome#FOUND} carries a report.
 */
public record StatusLookupResult(Outcome outcome, StatusLookupReport report) {

	/** How a lookup ended. */
	public enum Outcome {
		/** Code and digits match: the report is there. */
		FOUND,
		/** The code or the digits are wrong (the answer does not say which). */
		NO_MATCH,
		/** Too many wrong attempts for this code or from this address within the window. */
		TOO_MANY_ATTEMPTS
	}

	static StatusLookupResult found(StatusLookupReport report) {
		return new StatusLookupResult(Outcome.FOUND, report);
	}

	static StatusLookupResult noMatch() {
		return new StatusLookupResult(Outcome.NO_MATCH, null);
	}

	static StatusLookupResult tooManyAttempts() {
		return new StatusLookupResult(Outcome.TOO_MANY_ATTEMPTS, null);
	}
}
