package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.aid.funding.AidThresholdManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Minimum-living thresholds per district and year. */
@Controller
class AidThresholdController {

	private final AidThresholdManagement thresholds;

	private final Clock clock;

	AidThresholdController(AidThresholdManagement thresholds, Clock clock) {
		this.thresholds = thresholds;
		this.clock = clock;
	}

	@GetMapping("/aid/thresholds")
	String showThresholds(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("year", chosen);
		model.addAttribute("thresholds", thresholds.thresholds(user, chosen));
		return "aid/thresholds";
	}

	@PostMapping("/aid/thresholds")
	String setThreshold(CurrentUser user, @RequestParam long district, @RequestParam int year,
			@RequestParam(required = false) BigDecimal monthlyAmount, RedirectAttributes redirect) {
		try {
			thresholds.setThreshold(user, district, year, monthlyAmount);
			FlashMessages.success(redirect, "aid.threshold.saved");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/aid/thresholds?year=" + year;
	}
}
