package cn.unionportal.benefits;

import cn.unionportal.shared.RuleViolationException;

/** Checks of what staff typed, as rule violations on the form field concerned. */
final class Texts {

	private Texts() {
	}

	static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new RuleViolationException(field, "validation.required");
		}
		return optional(value, field, max);
	}

	static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new RuleViolationException(field, "benefit.error.tooLong", max);
		}
		return stripped;
	}

	static void requireField(Object value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "validation.required");
		}
	}
}
