package cn.unionportal.shared;

/**
 * A business rule refused a change. Carries a message key (and arguments) for the user's
 * language and, when the rule is about one form field, the name of that field.
 */
public class RuleViolationException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public RuleViolationException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/** The form field the rule is about, or {@code null} for the form as a whole. */
	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
