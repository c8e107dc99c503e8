package cn.unionportal.shared.web;

import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A stale page or a concurrent change answers 409 with the "someone changed this, reload" page,
 * and a refused business rule without a form answers 422 with its message; never a 500.
 */
@ControllerAdvice
class ConflictHandling {

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "error/409";
	}

	/**
	 * A business rule refused a request that has no form to go back to (a link followed from a
	 * stale page, say): the page says which rule, in the user's language.
	 */
	@ExceptionHandler(RuleViolationException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String ruleViolated(RuleViolationException violation, Model model) {
		model.addAttribute("messageKey", violation.messageKey());
		model.addAttribute("arguments", violation.arguments());
		return "error/rule";
	}
}
