package cn.unionportal.aid.web;

import java.time.Clock;

import cn.unionportal.aid.files.HardshipFileApplications;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The application for a household hardship file (申请建档), for a member of the scope. */
@Controller
@RequestMapping("/aid/files")
class HardshipFileApplicationController {

	private final HardshipFileApplications applications;

	private final MemberManagement members;

	private final Clock clock;

	HardshipFileApplicationController(HardshipFileApplications applications, MemberManagement members, Clock clock) {
		this.applications = applications;
		this.members = members;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		HardshipFileController.choices(model, clock);
	}

	@GetMapping("/new")
	String showApplicationForm(CurrentUser user, @RequestParam long member, Model model) {
		FileApplicationForm form = new FileApplicationForm();
		form.setMemberId(member);
		model.addAttribute("form", form);
		return applicationForm(user, member, model);
	}

	@PostMapping
	String applyForFile(CurrentUser user, @Valid @ModelAttribute("form") FileApplicationForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (form.getMemberId() == null) {
			return "redirect:/members";
		}
		if (binding.hasErrors()) {
			return applicationForm(user, form.getMemberId(), model);
		}
		try {
			long id = applications.apply(user, form.application());
			FlashMessages.success(redirect, "aid.file.applied");
			return "redirect:/aid/files/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return applicationForm(user, form.getMemberId(), model);
		}
	}

	private String applicationForm(CurrentUser user, long memberId, Model model) {
		model.addAttribute("member", members.get(user, memberId));
		return "aid/files/form";
	}
}
