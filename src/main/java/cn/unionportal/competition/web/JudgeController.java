package cn.unionportal.competition.web;

import java.util.ArrayList;
import java.util.List;

import cn.unionportal.competition.JudgePool;
import cn.unionportal.competition.Judging;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The judge pool of the user's scope (裁判库). */
@Controller
@RequestMapping("/competitions/judges")
class JudgeController {

	private final JudgePool judging;

	private final OrganizationManagement organizations;

	JudgeController(JudgePool judging, OrganizationManagement organizations) {
		this.judging = judging;
		this.organizations = organizations;
	}

	@GetMapping
	String listJudges(CurrentUser user, @RequestParam(required = false) String org,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("form", new JudgeForm("", null, "", "", ""));
		return page(user, org, page, model);
	}

	@PostMapping
	String addJudge(CurrentUser user, @Valid @ModelAttribute("form") JudgeForm form, BindingResult binding,
			@RequestParam(required = false) String org, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(user, org, 0, model);
		}
		try {
			judging.addJudge(user, form.data());
			FlashMessages.success(redirect, "competition.judge.added", form.name());
			return "redirect:/competitions/judges";
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return page(user, org, 0, model);
		}
	}

	private String page(CurrentUser user, String org, int page, Model model) {
		Page<Judging.JudgeView> judges = judging.pool(user, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("judges", judges);
		model.addAttribute("pages", PageLinks.of(judges, "/competitions/judges"));
		List<OrganizationSummary> choices = new ArrayList<>();
		if (org != null && !org.isBlank()) {
			choices.addAll(organizations.search(user, org, PageRequest.of(0, 30)).getContent());
		}
		else {
			choices.add(organizations.scopeRoot(user));
		}
		model.addAttribute("organizations", choices);
		model.addAttribute("org", org);
		return "competitions/judges";
	}
}
