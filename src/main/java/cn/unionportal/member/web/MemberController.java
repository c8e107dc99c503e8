package cn.unionportal.member.web;

import java.time.LocalDate;
import java.util.List;

import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.Gender;
import cn.unionportal.member.MemberCursor;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberManagement.RevealableField;
import cn.unionportal.member.MemberProfileSection;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import cn.unionportal.shared.web.QrCodes;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The member list, profile, registration and editing, status changes and reveals.
 */
@Controller
@RequestMapping("/members")
class MemberController {

	private static final int PAGE_SIZE = 20;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final List<MemberProfileSection> sections;

	MemberController(MemberManagement members, OrganizationManagement organizations,
			List<MemberProfileSection> sections) {
		this.members = members;
		this.organizations = organizations;
		this.sections = sections;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("employmentTypes", EmploymentType.values());
		model.addAttribute("statuses", MemberStatus.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("documentTypes", DocumentType.values());
		model.addAttribute("sorts", MemberQuery.Sort.values());
	}

	@GetMapping
	String listMembers(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) EmploymentType employment,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) MemberQuery.Sort sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String at, Model model) {
		MemberQuery query = new MemberQuery(q, organization, employment, status, sort);
		// a page link's cursor: the page is read after (before) the member that ended (began) the page
		// it was shown on, by its key instead of an offset (anything else in "at" is ignored)
		Page<MemberSummary> results = members.search(user, query, PageRequest.of(Math.max(page, 0), PAGE_SIZE),
				MemberCursor.parse(at).orElse(null));
		model.addAttribute("members", results);
		model.addAttribute("query", query);
		model.addAttribute("countLimit", members.countLimit());
		model.addAttribute("countCapped", results.getTotalElements() > members.countLimit());
		if (organization != null) {
			model.addAttribute("organization", organizations.get(user, organization));
		}
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/members");
		addIfPresent(base, "q", q);
		addIfPresent(base, "organization", organization);
		addIfPresent(base, "employment", employment);
		addIfPresent(base, "status", status);
		addIfPresent(base, "sort", sort);
		model.addAttribute("pages", KeysetPageLinks.of(results, base.encode().toUriString(), "at"));
		model.addAttribute("exportUrl", base.cloneBuilder().replacePath("/members/export.xlsx").encode().toUriString());
		return "members/list";
	}

	@GetMapping("/new")
	String showRegistrationForm(CurrentUser user, @RequestParam(required = false) Long organization,
			@RequestParam(required = false) String orgq, Model model) {
		if (organization == null) {
			List<OrganizationSummary> homes = orgq == null || orgq.isBlank() ? List.of()
					: organizations.search(user, orgq, PageRequest.of(0, 50))
						.stream()
						.filter(o -> o.type().isMemberHome() && o.isActive())
						.toList();
			model.addAttribute("homes", homes);
			model.addAttribute("orgq", orgq);
			return "members/choose-organization";
		}
		OrganizationSummary home = organizations.requireMemberHome(user, organization, "organizationId");
		model.addAttribute("form", new MemberForm("", null, DocumentType.RESIDENT_ID, "", null, "",
				EmploymentType.ON_THE_JOB, home.id(), LocalDate.now(), null));
		model.addAttribute("home", home);
		return "members/form";
	}

	@PostMapping
	String registerMember(CurrentUser user, @Valid @ModelAttribute("form") MemberForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (form.organizationId() == null) {
			return "redirect:/members/new";
		}
		OrganizationSummary home = organizations.requireMemberHome(user, form.organizationId(), "organizationId");
		model.addAttribute("home", home);
		if (binding.hasErrors()) {
			return "members/form";
		}
		try {
			long id = members.register(user, form.data());
			FlashMessages.success(redirect, "member.registered", form.name().strip());
			return "redirect:/members/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "members/form";
		}
	}

	@GetMapping("/{id}")
	String showMember(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int auditPage,
			Model model) {
		return profile(user, members.get(user, id), auditPage, model);
	}

	/** Shows one unmasked value on the profile; the reveal is recorded in the audit trail. */
	@PostMapping("/{id}/reveal")
	String revealValue(CurrentUser user, @PathVariable long id, @RequestParam RevealableField field, Model model) {
		String value = members.reveal(user, id, field);
		model.addAttribute(field == RevealableField.ID_NUMBER ? "revealedIdNumber" : "revealedPhone", value);
		return profile(user, members.get(user, id), 0, model);
	}

	private String profile(CurrentUser user, MemberView member, int auditPage, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("mayReveal", members.mayReveal(user));
		model.addAttribute("transfers", members.transfersOf(user, member.id()));
		var audit = members.auditOf(user, member.id(), PageRequest.of(Math.max(auditPage, 0), 10));
		model.addAttribute("audit", audit);
		model.addAttribute("auditPages", PageLinks.of(audit, "/members/" + member.id() + "?x=1").withParameter("auditPage"));
		model.addAttribute("sections", sections.stream()
			.flatMap(section -> section.sectionFor(user, member.id()).stream())
			.sorted(java.util.Comparator.comparingInt(MemberProfileSection.Section::order))
			.toList());
		return "members/detail";
	}

	@GetMapping("/{id}/edit")
	String showEditForm(CurrentUser user, @PathVariable long id, Model model) {
		MemberView member = members.get(user, id);
		// neither the ID number nor the birth date goes to the browser: blank keeps the stored ones
		model.addAttribute("form", new MemberForm(member.name(), member.gender(), member.documentType(), "",
				null, "", member.employmentType(), member.organizationId(), member.joinDate(),
				member.version()));
		model.addAttribute("member", member);
		return "members/form";
	}

	@PostMapping("/{id}")
	String updateMember(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") MemberForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		MemberView member = members.get(user, id);
		model.addAttribute("member", member);
		if (binding.hasErrors()) {
			return "members/form";
		}
		try {
			members.update(user, id, form.version() == null ? -1 : form.version(), form.data());
			FlashMessages.success(redirect, "member.updated", form.name().strip());
			return "redirect:/members/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return "members/form";
		}
	}

	@PostMapping("/{id}/status")
	String changeStatus(CurrentUser user, @PathVariable long id, @RequestParam(required = false) MemberStatus status,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			members.changeStatus(user, id, version == null ? -1 : version, status);
			FlashMessages.success(redirect, "member.statusChanged");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/members/" + id;
	}

	@GetMapping("/{id}/card")
	String showCard(CurrentUser user, @PathVariable long id, Model model) {
		MemberView member = members.get(user, id);
		model.addAttribute("member", member);
		model.addAttribute("qr", QrCodes.pngDataUri(member.cardNumber(), 240));
		return "members/card";
	}

	private static void addIfPresent(UriComponentsBuilder builder, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			builder.queryParam(name, value);
		}
	}
}
