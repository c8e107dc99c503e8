package cn.unionportal.benefits.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.benefits.BenefitEnrolments;
import cn.unionportal.benefits.BenefitProgrammes;
import cn.unionportal.benefits.EnrolmentView;
import cn.unionportal.benefits.ProgrammeView;
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

/** Mutual-aid insurance enrolments of the user's scope: list, enrol, cancel, claims paid. */
@Controller
@RequestMapping("/benefits/enrolments")
class EnrolmentController {

	private static final int PAGE_SIZE = 20;

	private final BenefitEnrolments enrolments;

	private final BenefitProgrammes programmes;

	private final MemberManagement members;

	private final Clock clock;

	EnrolmentController(BenefitEnrolments enrolments, BenefitProgrammes programmes, MemberManagement members,
			Clock clock) {
		this.enrolments = enrolments;
		this.programmes = programmes;
		this.members = members;
		this.clock = clock;
	}

	@GetMapping
	String listEnrolments(CurrentUser user, @RequestParam(required = false) Long programme,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<EnrolmentView> results = enrolments.enrolments(user, programme, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("enrolments", results);
		model.addAttribute("programmes", programmes.programmes(user));
		model.addAttribute("programme", programme);
		model.addAttribute("q", q);
		model.addAttribute("pages", PageLinks.of(results, Urls.of("/benefits/enrolments", "programme", programme, "q", q)));
		return "benefits/enrolments";
	}

	@GetMapping("/new")
	String showEnrolmentForm(CurrentUser user, @RequestParam(required = false) Long member,
			@RequestParam(required = false) String q, Model model) {
		if (member == null) {
			return MemberChoice.show(members, user, q, "/benefits/enrolments/new", "benefit.enrolment.new.title", model);
		}
		MemberView person = members.get(user, member);
		List<ProgrammeView> open = openProgrammes(user);
		int year = LocalDate.now(clock).getYear();
		Long preselected = open.stream().filter(p -> p.year() == year).map(ProgrammeView::id).findFirst()
			.orElse(open.isEmpty() ? null : open.get(0).id());
		model.addAttribute("form", new EnrolmentForm(person.id(), preselected, LocalDate.now(clock)));
		return form(person, open, model);
	}

	@PostMapping
	String enrolMember(CurrentUser user, @Valid @ModelAttribute("form") EnrolmentForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (form.memberId() == null) {
			return "redirect:/benefits/enrolments/new";
		}
		MemberView person = members.get(user, form.memberId());
		if (binding.hasErrors()) {
			return form(person, openProgrammes(user), model);
		}
		try {
			enrolments.enrol(user, form.programmeId(), person.id(), form.enrolledOn());
			FlashMessages.success(redirect, "benefit.enrolment.enrolled", person.name());
			return "redirect:/benefits/members/" + person.id();
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return form(person, openProgrammes(user), model);
		}
	}

	@PostMapping("/{id}/cancel")
	String cancelEnrolment(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		EnrolmentView enrolment = enrolments.enrolment(user, id);
		enrolments.cancelEnrolment(user, id, version == null ? -1 : version);
		FlashMessages.success(redirect, "benefit.enrolment.cancelled", enrolment.memberName());
		return "redirect:/benefits/members/" + enrolment.memberId();
	}

	@GetMapping("/{id}/claims")
	String showClaimsForm(CurrentUser user, @PathVariable long id, Model model) {
		EnrolmentView enrolment = enrolments.enrolment(user, id);
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("form", new ClaimsForm(enrolment.claimsPaid(), enrolment.version()));
		return "benefits/claims";
	}

	@PostMapping("/{id}/claims")
	String recordClaimsPaid(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") ClaimsForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		EnrolmentView enrolment = enrolments.enrolment(user, id);
		model.addAttribute("enrolment", enrolment);
		if (binding.hasErrors()) {
			return "benefits/claims";
		}
		try {
			enrolments.recordClaimsPaid(user, id, form.version() == null ? -1 : form.version(), form.claimsPaid());
			FlashMessages.success(redirect, "benefit.enrolment.claimsRecorded", enrolment.memberName());
			return "redirect:/benefits/members/" + enrolment.memberId();
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "benefits/claims";
		}
	}

	private String form(MemberView person, List<ProgrammeView> open, Model model) {
		model.addAttribute("member", person);
		model.addAttribute("programmes", open);
		return "benefits/enrolment-form";
	}

	private List<ProgrammeView> openProgrammes(CurrentUser user) {
		return programmes.programmes(user).stream().filter(ProgrammeView::isOpen).toList();
	}
}
