package cn.unionportal.award.web;

import cn.unionportal.award.HonourCatalogue;
import cn.unionportal.award.HonourRoll;
import cn.unionportal.award.NoticeObjections;
import cn.unionportal.award.PublicNotice;
import cn.unionportal.award.RollEntry;
import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public pages (no login): the honour roll (光荣榜) at {@code /honours} and the public notice of
 * candidates at {@code /honours/notice}, where anyone may lodge an objection, named or anonymous.
 */
@Controller
class PublicHonoursController {

	private final HonourRoll roll;

	private final HonourCatalogue catalogue;

	private final PublicNotice notice;

	private final NoticeObjections objections;

	private final BenefitsManagement benefits;

	PublicHonoursController(HonourRoll roll, HonourCatalogue catalogue, PublicNotice notice,
			NoticeObjections objections, BenefitsManagement benefits) {
		this.roll = roll;
		this.catalogue = catalogue;
		this.notice = notice;
		this.objections = objections;
		this.benefits = benefits;
	}

	@GetMapping("/honours")
	String showRoll(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long kind,
			@RequestParam(required = false) Long district, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<RollEntry> entries = roll.roll(year, kind, district, q, PageRequest.of(Math.max(page, 0), 30));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/honours");
		if (year != null) {
			base.queryParam("year", year);
		}
		if (kind != null) {
			base.queryParam("kind", kind);
		}
		if (district != null) {
			base.queryParam("district", district);
		}
		if (q != null && !q.isBlank()) {
			base.queryParam("q", q.strip());
		}
		model.addAttribute("entries", entries);
		model.addAttribute("pages", PageLinks.of(entries, base.encode().toUriString()));
		model.addAttribute("years", roll.years());
		model.addAttribute("kinds", catalogue.kinds());
		model.addAttribute("districts", benefits.districts());
		model.addAttribute("year", year);
		model.addAttribute("kind", kind);
		model.addAttribute("district", district);
		model.addAttribute("q", q);
		return "awards/public/roll";
	}

	@GetMapping("/honours/notice")
	String showNotice(Model model) {
		model.addAttribute("entries", notice.notice());
		return "awards/public/notice";
	}

	@PostMapping("/honours/notice/{nomination}/objections")
	String object(@PathVariable long nomination, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String content,
			Model model, RedirectAttributes redirect) {
		String refusal;
		Object[] arguments = {};
		try {
			objections.object(nomination, name, phone, content, "public");
			FlashMessages.success(redirect, "award.notice.objectionReceived");
			return "redirect:/honours/notice";
		}
		catch (RuleViolationException violation) {
			refusal = violation.messageKey();
			arguments = violation.arguments();
		}
		catch (cn.unionportal.shared.NotFoundException unknown) {
			refusal = "award.error.noticeEnded";
		}
		// nothing typed is lost: the page comes back with the text and the reason
		model.addAttribute("entries", notice.notice());
		model.addAttribute("failedFor", nomination);
		model.addAttribute("refusal", refusal);
		model.addAttribute("refusalArguments", arguments);
		model.addAttribute("draftName", name);
		model.addAttribute("draftPhone", phone);
		model.addAttribute("draftContent", content);
		return "awards/public/notice";
	}
}
