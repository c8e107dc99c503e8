package cn.unionportal.benefits.web;

import cn.unionportal.benefits.BenefitsPermissions;
import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.benefits.MerchantCategory;
import cn.unionportal.benefits.MerchantStatus;
import cn.unionportal.benefits.MerchantView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Partner merchants: everyone on staff may browse; federation staff create, edit, deactivate. */
@Controller
@RequestMapping("/benefits/merchants")
class MerchantController {

	private static final int PAGE_SIZE = 20;

	private final BenefitsManagement benefits;

	private final BenefitsPermissions permissions;

	MerchantController(BenefitsManagement benefits, BenefitsPermissions permissions) {
		this.permissions = permissions;
		this.benefits = benefits;
	}

	@ModelAttribute
	void choices(CurrentUser user, Model model) {
		model.addAttribute("districts", benefits.districts());
		model.addAttribute("categories", MerchantCategory.values());
		model.addAttribute("merchantStatuses", MerchantStatus.values());
		model.addAttribute("mayManage", permissions.mayManageMerchants(user));
	}

	@GetMapping
	String listMerchants(@RequestParam(required = false) Long district,
			@RequestParam(required = false) MerchantCategory category,
			@RequestParam(required = false) MerchantStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<MerchantView> results = benefits.merchantsForStaff(district, category, status, q,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("merchants", results);
		model.addAttribute("district", district);
		model.addAttribute("category", category);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("pages", PageLinks.of(results, Urls.of("/benefits/merchants", "district", district,
				"category", category, "status", status, "q", q)));
		return "benefits/merchants";
	}

	@GetMapping("/new")
	String showCreateForm(CurrentUser user, Model model) {
		permissions.requireManageMerchants(user);
		model.addAttribute("form", new MerchantForm("", MerchantCategory.DINING, null, "", "", null));
		return "benefits/merchant-form";
	}

	@PostMapping
	String createMerchant(CurrentUser user, @Valid @ModelAttribute("form") MerchantForm form, BindingResult binding,
			RedirectAttributes redirect) {
		permissions.requireManageMerchants(user);
		if (binding.hasErrors()) {
			return "benefits/merchant-form";
		}
		try {
			benefits.createMerchant(user, form.data());
			FlashMessages.success(redirect, "benefit.merchant.created", form.name().strip());
			return "redirect:/benefits/merchants";
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "benefits/merchant-form";
		}
	}

	@GetMapping("/{id}/edit")
	String showEditForm(CurrentUser user, @PathVariable long id, Model model) {
		MerchantView merchant = benefits.merchant(id);
		permissions.requireManageMerchants(user);
		model.addAttribute("merchant", merchant);
		model.addAttribute("form", MerchantForm.of(merchant));
		return "benefits/merchant-form";
	}

	@PostMapping("/{id}")
	String updateMerchant(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") MerchantForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		MerchantView merchant = benefits.merchant(id);
		permissions.requireManageMerchants(user);
		model.addAttribute("merchant", merchant);
		if (binding.hasErrors()) {
			return "benefits/merchant-form";
		}
		try {
			benefits.updateMerchant(user, id, form.version() == null ? -1 : form.version(), form.data());
			FlashMessages.success(redirect, "benefit.merchant.updated", form.name().strip());
			return "redirect:/benefits/merchants";
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "benefits/merchant-form";
		}
	}

	@PostMapping("/{id}/status")
	String changeStatus(CurrentUser user, @PathVariable long id, @RequestParam(required = false) MerchantStatus status,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		MerchantView merchant = benefits.merchant(id);
		try {
			benefits.changeMerchantStatus(user, id, version == null ? -1 : version, status);
			FlashMessages.success(redirect, status == MerchantStatus.ACTIVE ? "benefit.merchant.reactivated"
					: "benefit.merchant.deactivated", merchant.name());
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/benefits/merchants";
	}
}
