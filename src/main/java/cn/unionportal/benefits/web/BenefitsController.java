package cn.unionportal.benefits.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.benefits.BenefitsPermissions;
import cn.unionportal.benefits.BenefitProgrammes;
import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.benefits.EntitlementStatus;
import cn.unionportal.benefits.ProgrammeKind;
import cn.unionportal.benefits.ProgrammeStatus;
import cn.unionportal.member.MemberManagement;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The benefits overview with its programmes, new programmes, and one member's benefits. */
@Controller
@RequestMapping("/benefits")
class BenefitsController {

	private final BenefitsManagement benefits;

	private final BenefitProgrammes programmes;

	private final MemberManagement members;

	private final Clock clock;

	private final BenefitsPermissions permissions;

	BenefitsController(BenefitsManagement benefits, BenefitProgrammes programmes, MemberManagement members, Clock clock,
			BenefitsPermissions permissions) {
		this.programmes = programmes;
		this.permissions = permissions;
		this.benefits = benefits;
		this.members = members;
		this.clock = clock;
	}

	@GetMapping
	String showOverview(CurrentUser user, Model model) {
		model.addAttribute("programmes", programmes.programmes(user));
		model.addAttribute("mayManageProgrammes", permissions.mayManageProgrammes(user));
		model.addAttribute("mayManageMerchants", permissions.mayManageMerchants(user));
		return "benefits/overview";
	}

	@GetMapping("/programmes/new")
	String showProgrammeForm(CurrentUser user, Model model) {
		permissions.requireManageProgrammes(user);
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("form", new ProgrammeForm(ProgrammeKind.MUTUAL_AID_INSURANCE, "", year,
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null));
		model.addAttribute("kinds", ProgrammeKind.values());
		return "benefits/programme-form";
	}

	@PostMapping("/programmes")
	String createProgramme(CurrentUser user, @Valid @ModelAttribute("form") ProgrammeForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		permissions.requireManageProgrammes(user);
		model.addAttribute("kinds", ProgrammeKind.values());
		if (binding.hasErrors()) {
			return "benefits/programme-form";
		}
		try {
			programmes.createProgramme(user, form.data());
			FlashMessages.success(redirect, "benefit.programme.created", form.name().strip());
			return "redirect:/benefits";
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "benefits/programme-form";
		}
	}

	@PostMapping("/programmes/{id}/status")
	String changeProgrammeStatus(CurrentUser user, @PathVariable long id, @RequestParam ProgrammeStatus status,
			@RequestParam long version, RedirectAttributes redirect) {
		programmes.changeProgrammeStatus(user, id, version, status);
		FlashMessages.success(redirect, "benefit.programme.statusChanged");
		return "redirect:/benefits";
	}

	@GetMapping("/members/{memberId}")
	String showMemberBenefits(CurrentUser user, @PathVariable long memberId, Model model) {
		model.addAttribute("member", members.get(user, memberId));
		model.addAttribute("benefits", benefits.benefitsOf(user, memberId));
		model.addAttribute("entitlementStatuses", EntitlementStatus.values());
		return "benefits/member";
	}
}
