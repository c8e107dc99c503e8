package cn.unionportal.benefits.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.benefits.BenefitEntitlements;
import cn.unionportal.benefits.EntitlementKind;
import cn.unionportal.benefits.EntitlementStatus;
import cn.unionportal.benefits.EntitlementView;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
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

/** Entitlements granted to members of the user's scope: list, grant, change status. */
@Controller
@RequestMapping("/benefits/entitlements")
class EntitlementController {

	private static final int PAGE_SIZE = 20;

	private final BenefitEntitlements entitlements;

	private final MemberManagement members;

	private final Clock clock;

	EntitlementController(BenefitEntitlements entitlements, MemberManagement members, Clock clock) {
		this.entitlements = entitlements;
		this.members = members;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", EntitlementKind.values());
		model.addAttribute("statuses", EntitlementStatus.values());
	}

	@GetMapping
	String listEntitlements(CurrentUser user, @RequestParam(required = false) EntitlementKind kind,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<EntitlementView> results = entitlements.entitlements(user, kind, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("entitlements", results);
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("pages", PageLinks.of(results, Urls.of("/benefits/entitlements", "kind", kind, "q", q)));
		return "benefits/entitlements";
	}

	@GetMapping("/new")
	String showGrantForm(CurrentUser user, @RequestParam(required = false) Long member,
			@RequestParam(required = false) String q, Model model) {
		if (member == null) {
			return MemberChoice.show(members, user, q, "/benefits/entitlements/new", "benefit.entitlement.new.title",
					model);
		}
		MemberView person = members.get(user, member);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", new EntitlementForm(person.id(), EntitlementKind.HEALTH_CHECK, "", today,
				today.withMonth(12).withDayOfMonth(31)));
		model.addAttribute("member", person);
		return "benefits/entitlement-form";
	}

	@PostMapping
	String grantEntitlement(CurrentUser user, @Valid @ModelAttribute("form") EntitlementForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (form.memberId() == null) {
			return "redirect:/benefits/entitlements/new";
		}
		MemberView person = members.get(user, form.memberId());
		model.addAttribute("member", person);
		if (binding.hasErrors()) {
			return "benefits/entitlement-form";
		}
		try {
			entitlements.grantEntitlement(user, person.id(), form.data());
			FlashMessages.success(redirect, "benefit.entitlement.granted", person.name());
			return "redirect:/benefits/members/" + person.id();
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "benefits/entitlement-form";
		}
	}

	@PostMapping("/{id}/status")
	String changeStatus(CurrentUser user, @PathVariable long id, @RequestParam(required = false) EntitlementStatus status,
			@RequestParam(required = false) Long version, @RequestParam long member, RedirectAttributes redirect) {
		try {
			entitlements.changeEntitlementStatus(user, id, version == null ? -1 : version, status);
			FlashMessages.success(redirect, "benefit.entitlement.statusChanged");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/benefits/members/" + member;
	}
}
