package cn.unionportal.aid.web;

import cn.unionportal.aid.lookup.LookupCodes;
import cn.unionportal.aid.lookup.StatusLookup;
import cn.unionportal.aid.lookup.StatusLookupResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cn.unionportal.shared.metrics.PortalMetrics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The families' status page (一户一码, no login): the code plus the last four characters of the
 * worker's ID number show where the file or case stands. The answer is rendered straight from the
 * POST (a query, not a change: nothing to redirect to, and the result must not be bookmarked or
 * cached); wrong code and wrong digits answer alike; the digits are never sent back.
 */
@Controller
@RequestMapping("/status")
class StatusController {

	private static final int CODE_LENGTH = 20;

	private final StatusLookup lookup;

	StatusController(StatusLookup lookup) {
		this.lookup = lookup;
	}

	/** The form; {@code ?code=} (the QR code's link) fills in the code. */
	@GetMapping
	String showForm(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		noStore(response);
		String normalized = LookupCodes.normalize(code);
		model.addAttribute("code", normalized != null ? LookupCodes.display(normalized) : typed(code));
		return "aid/public/status";
	}

	@PostMapping
	String lookUpStatus(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String lastFour,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		noStore(response);
		model.addAttribute("code", typed(code));
		if (code.isBlank() || lastFour.isBlank()) {
			model.addAttribute("error", "aid.status.error.required");
			return "aid/public/status";
		}
		StatusLookupResult result = lookup.lookUp(code, lastFour, request.getRemoteAddr());
		PortalMetrics.statusLookup(result.outcome().name());
		switch (result.outcome()) {
			case FOUND -> {
				model.addAttribute("report", result.report());
				return "aid/public/status-result";
			}
			case TOO_MANY_ATTEMPTS -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("error", "aid.status.error.tooMany");
				return "aid/public/status";
			}
			default -> {
				model.addAttribute("error", "aid.status.error.noMatch");
				return "aid/public/status";
			}
		}
	}

	private static String typed(String code) {
		String text = code == null ? "" : code.strip();
		return text.length() <= CODE_LENGTH ? text : text.substring(0, CODE_LENGTH);
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
