package cn.unionportal.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import cn.unionportal.organization.OrganizationAffiliations;
import cn.unionportal.organization.OrganizationLifecycle;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationPageSection;
import cn.unionportal.organization.OrganizationPermissions;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.organization.OrganizationView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The organization tree, detail pages and the forms that change the hierarchy.
 */
@Controller
@RequestMapping("/organizations")
class OrganizationController {

	static final int PAGE_SIZE = 20;

	private final OrganizationManagement organizations;

	private final OrganizationLifecycle changes;

	private final OrganizationAffiliations affiliations;

	private final Clock clock;

	private final OrganizationPermissions permissions;

	private final List<OrganizationPageSection> sections;

	OrganizationController(OrganizationManagement organizations, OrganizationLifecycle changes,
			OrganizationAffiliations affiliations, Clock clock, OrganizationPermissions permissions,
			List<OrganizationPageSection> sections) {
		this.permissions = permissions;
		this.sections = sections;
		this.organizations = organizations;
		this.changes = changes;
		this.affiliations = affiliations;
		this.clock = clock;
	}

	@GetMapping
	String showTree(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		OrganizationSummary root = organizations.scopeRoot(user);
		model.addAttribute("root", root);
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			Page<OrganizationSummary> results = organizations.search(user, q, PageRequest.of(safe(page), PAGE_SIZE));
			model.addAttribute("results", results);
			model.addAttribute("pages", PageLinks.of(results,
					UriComponentsBuilder.fromPath("/organizations").queryParam("q", q).encode().toUriString()));
		}
		else {
			Page<OrganizationSummary> children = organizations.children(user, root.id(),
					PageRequest.of(safe(page), PAGE_SIZE));
			model.addAttribute("nodes", children);
			model.addAttribute("parentId", root.id());
		}
		return "organizations/tree";
	}

	/** The children of one node, as a fragment the tree page loads when a node is expanded. */
	@GetMapping("/tree")
	String showTreeNodes(CurrentUser user, @RequestParam long parent, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("nodes", organizations.children(user, parent, PageRequest.of(safe(page), PAGE_SIZE)));
		model.addAttribute("parentId", parent);
		return "organizations/tree :: nodes";
	}

	@GetMapping("/{id}")
	String showOrganization(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		OrganizationView organization = organizations.get(user, id);
		model.addAttribute("organization", organization);
		model.addAttribute("breadcrumb", organizations.breadcrumb(user, id));
		Page<OrganizationSummary> children = organizations.children(user, id, PageRequest.of(safe(page), PAGE_SIZE));
		model.addAttribute("children", children);
		model.addAttribute("pages", PageLinks.of(children, "/organizations/" + id));
		model.addAttribute("childTypes", organization.type().allowedChildren());
		if (organization.type().isEnterprise()) {
			model.addAttribute("affiliations", organizations.affiliationsOf(user, id));
			if (permissions.mayChange(user) && organization.isActive()) {
				model.addAttribute("affiliationTargets", organizations.affiliationTargets(user, id, ""));
			}
		}
		if (organization.type().isAffiliationTarget()) {
			model.addAttribute("affiliatedUnions", organizations.affiliatedUnions(user, id, PageRequest.of(0, 100)));
		}
		model.addAttribute("sections", sections.stream()
			.flatMap(section -> section.sectionFor(user, id).stream())
			.sorted(Comparator.comparingInt(OrganizationPageSection.Section::order))
			.toList());
		model.addAttribute("today", LocalDate.now(clock));
		return "organizations/detail";
	}

	@GetMapping("/new")
	String showCreateForm(CurrentUser user, @RequestParam long parent, @RequestParam(required = false) OrganizationType type,
			Model model) {
		OrganizationView parentView = organizations.get(user, parent);
		permissions.requireChange(user);
		OrganizationType initial = type != null ? type
				: parentView.type().allowedChildren().stream().findFirst().orElse(null);
		model.addAttribute("form", new OrganizationForm(parent, initial, "", "", null, "", null, null));
		return createForm(user, parentView, model);
	}

	@PostMapping
	String createOrganization(CurrentUser user, @Valid @ModelAttribute("form") OrganizationForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (form.parentId() == null) {
			binding.reject("organization.error.parentMissing");
			return createForm(user, organizations.get(user, user.organizationId()), model);
		}
		OrganizationView parent = organizations.get(user, form.parentId());
		if (binding.hasErrors()) {
			return createForm(user, parent, model);
		}
		try {
			long id = changes.create(user, parent.id(), form.type(), form.changes());
			FlashMessages.success(redirect, "organization.created", form.name().strip());
			return "redirect:/organizations/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return createForm(user, parent, model);
		}
	}

	private String createForm(CurrentUser user, OrganizationView parent, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("breadcrumb", organizations.breadcrumb(user, parent.id()));
		model.addAttribute("childTypes", parent.type().allowedChildren());
		return "organizations/form";
	}

	@GetMapping("/{id}/edit")
	String showEditForm(CurrentUser user, @PathVariable long id, Model model) {
		OrganizationView organization = organizations.get(user, id);
		permissions.requireChange(user);
		model.addAttribute("form", new OrganizationForm(organization.parentId(), organization.type(), organization.name(),
				organization.chair(), organization.foundedOn(), organization.creditCode(), organization.employees(),
				organization.version()));
		return editForm(user, organization, model);
	}

	@PostMapping("/{id}")
	String updateOrganization(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		OrganizationView organization = organizations.get(user, id);
		if (binding.hasErrors()) {
			return editForm(user, organization, model);
		}
		try {
			changes.update(user, id, form.version() == null ? -1 : form.version(), form.changes());
			FlashMessages.success(redirect, "organization.updated", form.name().strip());
			return "redirect:/organizations/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return editForm(user, organization, model);
		}
	}

	private String editForm(CurrentUser user, OrganizationView organization, Model model) {
		model.addAttribute("organization", organization);
		model.addAttribute("breadcrumb", organizations.breadcrumb(user, organization.id()));
		return "organizations/form";
	}

	@GetMapping("/{id}/move")
	String showMoveForm(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String q,
			Model model) {
		OrganizationView organization = organizations.get(user, id);
		permissions.requireChange(user);
		model.addAttribute("form", new MoveForm(null, organization.version()));
		return moveForm(user, organization, q, model);
	}

	@PostMapping("/{id}/move")
	String moveOrganization(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") MoveForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		OrganizationView organization = organizations.get(user, id);
		if (binding.hasErrors()) {
			return moveForm(user, organization, null, model);
		}
		try {
			changes.move(user, id, form.version() == null ? -1 : form.version(), form.parentId());
			FlashMessages.success(redirect, "organization.moved", organization.name());
			return "redirect:/organizations/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return moveForm(user, organization, null, model);
		}
	}

	private String moveForm(CurrentUser user, OrganizationView organization, String q, Model model) {
		List<OrganizationSummary> targets = organizations.moveTargets(user, organization.id(), q);
		model.addAttribute("organization", organization);
		model.addAttribute("breadcrumb", organizations.breadcrumb(user, organization.id()));
		model.addAttribute("targets", targets);
		model.addAttribute("q", q);
		return "organizations/move";
	}

	@PostMapping("/{id}/dissolve")
	String dissolveOrganization(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dissolvedOn,
			RedirectAttributes redirect) {
		OrganizationView organization = organizations.get(user, id);
		try {
			changes.dissolve(user, id, version == null ? -1 : version, dissolvedOn);
			FlashMessages.success(redirect, "organization.dissolved", organization.name());
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/organizations/" + id;
	}

	@PostMapping("/{id}/affiliations")
	String addAffiliation(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long federationId,
			RedirectAttributes redirect) {
		organizations.get(user, id);
		if (federationId == null) {
			FlashMessages.error(redirect, "organization.error.federationMissing");
			return "redirect:/organizations/" + id;
		}
		try {
			affiliations.affiliate(user, id, federationId);
			FlashMessages.success(redirect, "organization.affiliation.added");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/organizations/" + id;
	}

	@PostMapping("/{id}/affiliations/{federationId}/delete")
	String removeAffiliation(CurrentUser user, @PathVariable long id, @PathVariable long federationId,
			RedirectAttributes redirect) {
		affiliations.removeAffiliation(user, id, federationId);
		FlashMessages.success(redirect, "organization.affiliation.removed");
		return "redirect:/organizations/" + id;
	}

	private static int safe(int page) {
		return Math.max(page, 0);
	}
}
