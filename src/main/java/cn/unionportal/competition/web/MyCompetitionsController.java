package cn.unionportal.competition.web;

import cn.unionportal.competition.CompetitionResults;
import cn.unionportal.selfservice.MemberPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The member's own competitions on the phone page {@code /me/competitions}, with certificates to download. */
@Controller
class MyCompetitionsController {

	private final CompetitionResults results;

	MyCompetitionsController(CompetitionResults results) {
		this.results = results;
	}

	@GetMapping("/me/competitions")
	String showMyCompetitions(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("results", results.ofMember(me.memberId()));
		return "me/competitions";
	}
}
