package cn.unionportal.competition.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.competition.EntryLists;
import cn.unionportal.competition.CompetitionManagement;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionPermissions;
import cn.unionportal.competition.CompetitionCatalogue;
import cn.unionportal.competition.CompetitionResults;
import cn.unionportal.competition.CompetitionStatus;
import cn.unionportal.competition.CompetitionTier;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The catalogue of competitions, a competition's page and its lifecycle up to scoring ({@link PublicationController} after). */
@Controller
@RequestMapping("/competitions")
class CompetitionController {

	private static final int PAGE_SIZE = 20;

	static final int ENTRY_PAGE = 50;

	private final CompetitionManagement competitions;

	private final CompetitionCatalogue catalogue;

	private final EntryLists entries;

	private final CompetitionResults results;

	private final CompetitionPermissions permissions;

	private final OrganizationManagement organizations;

	private final Clock clock;

	CompetitionController(CompetitionManagement competitions, EntryLists entries, CompetitionResults results,
			CompetitionCatalogue catalogue, CompetitionPermissions permissions, OrganizationManagement organizations,
			Clock clock) {
		this.catalogue = catalogue;
		this.competitions = competitions;
		this.entries = entries;
		this.results = results;
		this.permissions = permissions;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping
	String listCompetitions(CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<CompetitionView> list = catalogue.list(user, year, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("competitions", list);
		model.addAttribute("year", year);
		model.addAttribute("q", q);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/competitions");
		if (year != null) {
			base.queryParam("year", year);
		}
		if (q != null && !q.isBlank()) {
			base.queryParam("q", q);
		}
		model.addAttribute("pages", PageLinks.of(list, base.encode().toUriString()));
		return "competitions/list";
	}

	@GetMapping("/new")
	String showCompetitionForm(CurrentUser user, Model model) {
		permissions.requireStaff(user);
		int year = LocalDate.now(clock).getYear();
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", new CompetitionForm("", year, user.organizationId(), CompetitionTier.DISTRICT, false,
				false, today, today.plusDays(30), today.plusDays(45), today.plusDays(46), "", 5));
		return form(user, model);
	}

	@PostMapping
	String createCompetition(CurrentUser user, @Valid @ModelAttribute("form") CompetitionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(user, model);
		}
		try {
			long id = competitions.create(user, form.data());
			FlashMessages.success(redirect, "competition.created", form.name());
			return "redirect:/competitions/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return form(user, model);
		}
	}

	private String form(CurrentUser user, Model model) {
		List<OrganizationSummary> organizers = new ArrayList<>();
		organizers.add(organizations.scopeRoot(user));
		organizers.addAll(organizations.children(user, user.organizationId(), PageRequest.of(0, 100)).getContent());
		model.addAttribute("organizers", organizers);
		model.addAttribute("tiers", CompetitionTier.values());
		return "competitions/form";
	}

	@GetMapping("/{id}")
	String showCompetition(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CompetitionView competition = catalogue.get(user, id);
		model.addAttribute("competition", competition);
		model.addAttribute("trades", catalogue.trades(id));
		Page<EntryLists.EntryView> list = entries.entries(user, id, null, PageRequest.of(Math.max(page, 0), ENTRY_PAGE));
		model.addAttribute("entries", list);
		model.addAttribute("entryPages", PageLinks.of(list, "/competitions/" + id));
		model.addAttribute("organizer", permissions.isOrganizer(user, competition.organizerId()));
		model.addAttribute("registrationOpen", competition.registrationOpenOn(LocalDate.now(clock)));
		model.addAttribute("objections", competition.status().compareTo(CompetitionStatus.NOTICE) >= 0
				? results.objections(user, id) : List.of());
		return "competitions/detail";
	}

	@PostMapping("/{id}/advance")
	String advanceCompetition(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> {
			competitions.advance(user, id, version);
			FlashMessages.success(redirect, "competition.advanced");
		});
	}

	/** A lifecycle step: a refused rule comes back as a message on the competition's page. */
	static String step(RedirectAttributes redirect, long id, Runnable action) {
		try {
			action.run();
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/competitions/" + id;
	}
}
