package cn.unionportal.award.web;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a button's action: success flashes its message, a rule violation flashes the reason. */
final class Actions {

	private Actions() {
	}

	static String run(RedirectAttributes redirect, String target, String successKey, Runnable action) {
		try {
			action.run();
			FlashMessages.success(redirect, successKey);
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:" + target;
	}
}
