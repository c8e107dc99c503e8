package cn.unionportal.aid.web;

import cn.unionportal.aid.StatusLookup;
import cn.unionportal.aid.StatusLookupCard;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The printable code card (一户一码) of a household file or a stand-alone case, for staff in scope:
 * the code, a QR code of the status page with the code filled in, and instructions for the family.
 */
@Controller
class LookupCodeController {

	private static final int QR_SIZE = 240;

	private final StatusLookup lookup;

	LookupCodeController(StatusLookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/aid/files/{id}/code")
	String showFileCode(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("backUrl", "/aid/files/" + id);
		return card(lookup.fileCard(user, id), request, model);
	}

	@GetMapping("/aid/cases/{id}/code")
	String showCaseCode(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("backUrl", "/aid/cases/" + id);
		return card(lookup.caseCard(user, id), request, model);
	}

	private static String card(StatusLookupCard card, HttpServletRequest request, Model model) {
		String statusPage = ServletUriComponentsBuilder.fromContextPath(request).path("/status").build().toUriString();
		String link = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/status")
			.queryParam("code", card.code())
			.build()
			.toUriString();
		model.addAttribute("card", card);
		model.addAttribute("statusPage", statusPage);
		model.addAttribute("qr", QrCodes.pngDataUri(link, QR_SIZE));
		return "aid/code-card";
	}
}
