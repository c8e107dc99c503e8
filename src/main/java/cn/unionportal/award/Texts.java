package cn.unionportal.award;

import cn.unionportal.shared.RuleViolationException;

/** Checks of entered text: required or optional, trimmed, with a maximum length. */
final class Texts {

	private Texts() {
	}

	static String required(String value, String field, int max) {
		String text = optional(value, field, max);
		if (text == null) {
			throw new RuleViolationException(field, "validation.required");
		}
		return text;
	}

	static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new RuleViolationException(field, "award.error.tooLong", max);
		}
		return text;
	}

	static <T> T requireField(T value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "validation.required");
		}
		return value;
	}

	/** The first {@code max} characters (with an ellipsis when cut). */
	static String summary(String text, int max) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
	}
}
