package cn.unionportal.competition.web;

import cn.unionportal.competition.CompetitionResults;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public results (no sign-in): competitions under notice or published, with name, organization,
 * trade, rank, prize and title of each winner, and the objections recorded; nothing of ID or phone.
 */
@Controller
@RequestMapping("/competitions/results")
class PublicResultsController {

	private final CompetitionResults results;

	PublicResultsController(CompetitionResults results) {
		this.results = results;
	}

	@GetMapping
	String listPublicResults(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<CompetitionView> list = results.publicCompetitions(PageRequest.of(Math.max(page, 0), 20));
		model.addAttribute("competitions", list);
		model.addAttribute("pages", PageLinks.of(list, "/competitions/results"));
		return "competitions/public-list";
	}

	@GetMapping("/{id}")
	String showPublicResults(@PathVariable long id, Model model) {
		model.addAttribute("competition", results.publicCompetition(id));
		model.addAttribute("results", results.results(id, null, true).stream().filter(r -> r.prize() != null).toList());
		model.addAttribute("objections", results.publicObjections(id));
		return "competitions/public-results";
	}
}
