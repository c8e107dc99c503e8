package cn.unionportal.award.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.award.AwardPermissions;
import cn.unionportal.award.HonourCatalogue;
import cn.unionportal.award.HonourChanges;
import cn.unionportal.award.ManualHonourData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff entry of an honour conferred outside the portal, for a member of the scope. */
@Controller
@RequestMapping("/awards")
class HonourEntryController {

	private final HonourChanges changes;

	private final HonourCatalogue catalogue;

	private final MemberManagement members;

	private final AwardPermissions permissions;

	private final Clock clock;

	HonourEntryController(HonourChanges changes, HonourCatalogue catalogue, MemberManagement members,
			AwardPermissions permissions, Clock clock) {
		this.changes = changes;
		this.catalogue = catalogue;
		this.members = members;
		this.permissions = permissions;
		this.clock = clock;
	}

	@GetMapping("/honours/new")
	String showEntryForm(CurrentUser user, @RequestParam long member, Model model) {
		MemberView person = members.get(user, member);
		AwardPermissionsCheck.require(permissions.mayManageRegister(user));
		model.addAttribute("member", person);
		model.addAttribute("kinds", catalogue.kinds().stream().filter(k -> !k.isCollective()).toList());
		model.addAttribute("year", LocalDate.now(clock).getYear());
		return "awards/honour-form";
	}

	@PostMapping("/honours")
	String enter(CurrentUser user, @RequestParam long member, @RequestParam(required = false) Long kindId,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conferredOn,
			@RequestParam(required = false) String documentReference, Model model, RedirectAttributes redirect) {
		MemberView person = members.get(user, member);
		try {
			if (kindId == null || year == null) {
				throw new RuleViolationException(kindId == null ? "kindId" : "year", "validation.required");
			}
			long id = changes.enter(user, member, new ManualHonourData(kindId, year, conferredOn, documentReference));
			FlashMessages.success(redirect, "award.honour.entered");
			return "redirect:/awards/honours/" + id;
		}
		catch (RuleViolationException violation) {
			model.addAttribute("member", person);
			model.addAttribute("kinds", catalogue.kinds().stream().filter(k -> !k.isCollective()).toList());
			model.addAttribute("year", year);
			model.addAttribute("kindId", kindId);
			model.addAttribute("conferredOn", conferredOn);
			model.addAttribute("documentReference", documentReference);
			model.addAttribute("refusal", violation.messageKey());
			model.addAttribute("refusalArguments", violation.arguments());
			return "awards/honour-form";
		}
	}
}
