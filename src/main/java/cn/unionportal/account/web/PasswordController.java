package cn.unionportal.account.web;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.account.PasswordChanged;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every staff member changes their own password here (and must, after a reset).
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountManagement accounts;

	private final PasswordChanged passwordChanged;

	PasswordController(AccountManagement accounts, PasswordChanged passwordChanged) {
		this.accounts = accounts;
		this.passwordChanged = passwordChanged;
	}

	@GetMapping
	String showForm(@ModelAttribute("form") PasswordForm form) {
		return "account/password";
	}

	@PostMapping
	String changePassword(CurrentUser user, @Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "account/password";
		}
		if (!form.newPassword().equals(form.confirmPassword())) {
			binding.rejectValue("confirmPassword", "account.error.passwordMismatch");
			return "account/password";
		}
		try {
			accounts.changeOwnPassword(user, form.currentPassword(), form.newPassword());
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "account/password";
		}
		passwordChanged.refreshSession(request, response);
		FlashMessages.success(redirect, "account.passwordChanged");
		return "redirect:/";
	}
}
