package cn.unionportal.statistics.web;

import cn.unionportal.statistics.StatisticsFreezes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public "数字看成就" page (issue 12): the figures the administrators published of a frozen year,
 * federation-wide totals only, no group under ten people. No sign-in; printable; phone-friendly.
 */
@Controller
class AchievementsController {

	private final StatisticsFreezes freezes;

	AchievementsController(StatisticsFreezes freezes) {
		this.freezes = freezes;
	}

	@GetMapping("/achievements")
	String showAchievements(@RequestParam(required = false) Integer year, Model model) {
		Integer shown = year != null ? year : freezes.latestPublishedYear().orElse(null);
		model.addAttribute("year", shown);
		model.addAttribute("figures", shown == null ? java.util.Map.of() : freezes.publicFigures(shown));
		return "statistics/achievements";
	}
}
