package cn.unionportal.award.web;

import java.time.YearMonth;
import java.util.List;

import cn.unionportal.award.HonourRoll;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The allowance roster of the scope (page and workbook). */
@Controller
@RequestMapping("/awards")
class HonourRosterController {

	private final HonourRoll roll;

	private final MessageSource messages;

	HonourRosterController(HonourRoll roll, MessageSource messages) {
		this.roll = roll;
		this.messages = messages;
	}

	@GetMapping("/roster.xlsx")
	ResponseEntity<byte[]> roster(CurrentUser user,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
		List<String> headers = java.util.stream.Stream.of("name", "card", "organization", "kind", "months", "count",
				"monthly", "amount")
			.map(h -> messages.getMessage("award.roster.column." + h, null, LocaleContextHolder.getLocale()))
			.toList();
		byte[] book = roll.rosterWorkbook(user, from, to, headers);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("honour-allowance-" + from + "-" + to + ".xlsx").build().toString())
			.body(book);
	}

	@GetMapping("/roster")
	String showRoster(CurrentUser user, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("lines", roll.roster(user, from, to));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey());
			return "redirect:/awards/honours";
		}
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "awards/roster";
	}
}
