package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyManagement;
import cn.unionportal.aid.funding.AidPolicyView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The yearly aid policy: amounts, rates, the medical cap and the district approval limit. Everyone
 * reads it; federation administrators change it (one field per rule, named after the rule key).
 */
@Controller
@RequestMapping("/aid/policy")
class AidPolicyController {

	private final AidPolicyManagement policies;

	AidPolicyController(AidPolicyManagement policies) {
		this.policies = policies;
	}

	@GetMapping
	String showPolicy(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
		AidPolicyView view = policies.view(user, year == null ? policies.currentYear() : year);
		Map<String, String> values = new HashMap<>();
		view.values().forEach((key, value) -> values.put(key.name(), value.stripTrailingZeros().toPlainString()));
		return page(view, values, Map.of(), model);
	}

	@PostMapping
	String updatePolicy(CurrentUser user, @RequestParam int year, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<AidPolicyKey, BigDecimal> values = new EnumMap<>(AidPolicyKey.class);
		Map<String, String> entered = new HashMap<>();
		Map<String, String> errors = new HashMap<>();
		for (AidPolicyKey key : AidPolicyKey.values()) {
			String text = params.get(key.name());
			entered.put(key.name(), text == null ? "" : text.strip());
			if (text != null && !text.isBlank()) {
				try {
					values.put(key, new BigDecimal(text.strip()));
				}
				catch (NumberFormatException notANumber) {
					errors.put(key.name(), key.isRate() ? "aid.policy.error.rate" : "aid.policy.error.amount");
				}
			}
		}
		if (errors.isEmpty()) {
			try {
				policies.update(user, year, values);
				FlashMessages.success(redirect, "aid.policy.saved", String.valueOf(year));
				return "redirect:/aid/policy?year=" + year;
			}
			catch (RuleViolationException violation) {
				errors.put(violation.field() == null ? "year" : violation.field(), violation.messageKey());
			}
		}
		return page(policies.view(user, year), entered, errors, model);
	}

	private String page(AidPolicyView view, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("policy", view);
		model.addAttribute("keys", AidPolicyKey.values());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "aid/policy";
	}
}
