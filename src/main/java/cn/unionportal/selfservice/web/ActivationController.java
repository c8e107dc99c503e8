package cn.unionportal.selfservice.web;

import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members activate their self-service account themselves (public page). */
@Controller
class ActivationController {

	private final SelfServiceManagement selfService;

	ActivationController(SelfServiceManagement selfService) {
		this.selfService = selfService;
	}

	@GetMapping("/me/activate")
	String showActivationForm(@ModelAttribute("form") ActivationForm form) {
		return "me/activate";
	}

	@PostMapping("/me/activate")
	String activateAccount(@Valid @ModelAttribute("form") ActivationForm form, BindingResult binding,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "me/activate";
		}
		try {
			selfService.activate(form.activation(), request.getRemoteAddr());
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "me/activate";
		}
		FlashMessages.success(redirect, "selfservice.activation.done");
		return "redirect:/login";
	}
}
