package cn.unionportal.aid.web;

import cn.unionportal.aid.lookup.StatusLookup;
import cn.unionportal.aid.lookup.StatusLookupCard;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.PublicBaseUrl;
import cn.unionportal.shared.web.QrCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable code card (一户一码) of a household file or a stand-alone case, for staff in scope:
 * the code, a QR code of the status page with the code filled in, and instructions for the family.
 * Both links start with the configured {@link PublicBaseUrl}, never with the request's Host header.
 */
@Controller
class LookupCodeController {

	private static final int QR_SIZE = 240;

	private final StatusLookup lookup;

	private final PublicBaseUrl baseUrl;

	LookupCodeController(StatusLookup lookup, PublicBaseUrl baseUrl) {
		this.lookup = lookup;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/aid/files/{id}/code")
	String showFileCode(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("backUrl", "/aid/files/" + id);
		return card(lookup.fileCard(user, id), model);
	}

	@GetMapping("/aid/cases/{id}/code")
	String showCaseCode(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("backUrl", "/aid/cases/" + id);
		return card(lookup.caseCard(user, id), model);
	}

	private String card(StatusLookupCard card, Model model) {
		String statusPage = baseUrl.link("/status", null, null);
		String link = baseUrl.link("/status", "code", card.code());
		model.addAttribute("card", card);
		model.addAttribute("statusPage", statusPage);
		model.addAttribute("qr", QrCodes.pngDataUri(link, QR_SIZE));
		return "aid/code-card";
	}
}
