package cn.unionportal.award.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.award.HonourLevel;
import cn.unionportal.award.InnovationStudios;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Innovation studios of the scope: list and record one, its page with team and yearly evaluation. */
@Controller
@RequestMapping("/awards/studios")
class StudioController {

	private final InnovationStudios studios;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Clock clock;

	StudioController(InnovationStudios studios, MemberManagement members, OrganizationManagement organizations,
			Clock clock) {
		this.studios = studios;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping
	String listStudios(CurrentUser user, @RequestParam(required = false) Long organization, Model model) {
		model.addAttribute("studios", studios.studios(user, organization));
		model.addAttribute("counts", studios.countByLevel(user));
		model.addAttribute("levels", HonourLevel.values());
		model.addAttribute("ownOrganization", organizations.scopeRoot(user));
		model.addAttribute("organizations",
				organizations.children(user, user.organizationId(), PageRequest.of(0, 200)).getContent());
		model.addAttribute("year", LocalDate.now(clock).getYear());
		return "awards/studios";
	}

	@PostMapping
	String createStudio(CurrentUser user, @RequestParam long organizationId, @RequestParam(required = false) String leaderCard,
			@RequestParam(required = false) String name, @RequestParam(required = false) HonourLevel level,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String field,
			RedirectAttributes redirect) {
		long[] created = { 0 };
		String done = Actions.run(redirect, "/awards/studios", "award.studio.created", () -> {
			long leader = memberByCard(leaderCard);
			created[0] = studios.create(user, organizationId, leader, name, level, year, field);
		});
		return created[0] == 0 ? done : "redirect:/awards/studios/" + created[0];
	}

	@GetMapping("/{id}")
	String showStudio(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("s", studios.studio(user, id));
		model.addAttribute("year", LocalDate.now(clock).getYear());
		return "awards/studio";
	}

	@PostMapping("/{id}/team")
	String addToTeam(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String card,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/studios/" + id, "award.studio.saved",
				() -> studios.addToTeam(user, id, memberByCard(card)));
	}

	@PostMapping("/{id}/evaluations")
	String evaluate(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/studios/" + id, "award.studio.saved",
				() -> studios.evaluate(user, id, year, grade, note));
	}

	private long memberByCard(String card) {
		return members.findIdByCardNumber(card == null ? "" : card.strip())
			.orElseThrow(() -> new RuleViolationException("card", "award.error.noSuchCard"));
	}
}
