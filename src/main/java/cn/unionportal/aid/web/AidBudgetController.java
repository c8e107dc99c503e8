package cn.unionportal.aid.web;

import java.util.stream.Collectors;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.funding.AidBudgetManagement;
import cn.unionportal.aid.funding.AidBudgetView;
import cn.unionportal.aid.funding.AidPolicyManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Yearly aid budgets of the organizations in scope: everyone sees amount, spent and remaining;
 * administrators set them.
 */
@Controller
@RequestMapping("/aid/budgets")
class AidBudgetController {

	private final AidBudgetManagement budgets;

	private final AidPolicyManagement policies;

	private final AidPermissions permissions;

	AidBudgetController(AidBudgetManagement budgets, AidPolicyManagement policies, AidPermissions permissions) {
		this.permissions = permissions;
		this.budgets = budgets;
		this.policies = policies;
	}

	@GetMapping
	String showBudgets(CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long organization, Model model) {
		int shown = year == null ? policies.currentYear() : year;
		AidBudgetForm form = new AidBudgetForm(organization, shown, null, null);
		if (organization != null) {
			AidBudgetView existing = budgets.budget(user, organization, shown).orElse(null);
			if (existing != null) {
				form = new AidBudgetForm(organization, shown, existing.amount(), existing.version());
			}
		}
		model.addAttribute("form", form);
		return page(user, shown, organization, model);
	}

	@PostMapping
	String setBudget(CurrentUser user, @Valid @ModelAttribute("form") AidBudgetForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		int year = form.year() == null ? policies.currentYear() : form.year();
		if (!binding.hasErrors()) {
			try {
				budgets.setBudget(user, form.organizationId(), year, form.amount(), form.version());
				FlashMessages.success(redirect, "aid.budget.saved", String.valueOf(year));
				return "redirect:/aid/budgets?year=" + year;
			}
			catch (RuleViolationException violation) {
				FormErrors.reject(binding, violation);
			}
		}
		return page(user, year, form.organizationId(), model);
	}

	private String page(CurrentUser user, int year, Long organization, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("budgets", budgets.budgets(user, year));
		boolean mayEdit = permissions.mayEditBudgets(user);
		model.addAttribute("mayEdit", mayEdit);
		if (mayEdit) {
			var choices = budgets.choices(user, year, organization);
			model.addAttribute("choices", choices);
			model.addAttribute("editableIds", choices.stream().map(OrganizationSummary::id).collect(Collectors.toSet()));
		}
		return "aid/budgets";
	}
}
