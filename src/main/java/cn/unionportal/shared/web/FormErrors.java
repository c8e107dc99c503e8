package cn.unionportal.shared.web;

import cn.unionportal.shared.RuleViolationException;
import org.springframework.validation.BindingResult;

/**
 * Puts a refused business rule back on the form, on its field or on the form as a whole.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult binding, RuleViolationException violation) {
		if (violation.field() != null) {
			binding.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
		}
		else {
			binding.reject(violation.messageKey(), violation.arguments(), null);
		}
	}
}
