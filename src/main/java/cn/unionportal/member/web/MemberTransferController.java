package cn.unionportal.member.web;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.member.TransferView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.PageLinks;
import cn.unionportal.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfers (转会): starting one from a member's profile, and the queue of transfers waiting for
 * the receiving organization.
 */
@Controller
class MemberTransferController {

	private static final int TARGET_LIMIT = 30;

	static final int PAGE_SIZE = 20;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	MemberTransferController(MemberManagement members, OrganizationManagement organizations) {
		this.members = members;
		this.organizations = organizations;
	}

	@GetMapping("/members/{id}/transfer")
	String showTransferForm(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String q,
			Model model) {
		MemberView member = members.get(user, id);
		model.addAttribute("form", new TransferForm(null, "", member.version()));
		return transferForm(member, q, model);
	}

	@PostMapping("/members/{id}/transfer")
	String startTransfer(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") TransferForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		MemberView member = members.get(user, id);
		if (binding.hasErrors()) {
			return transferForm(member, null, model);
		}
		try {
			boolean completed = members.startTransfer(user, id, form.version() == null ? -1 : form.version(),
					form.toOrganizationId(), form.reason());
			FlashMessages.success(redirect, completed ? "member.transfer.completed" : "member.transfer.requested",
					member.name());
			return "redirect:/members/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return transferForm(member, null, model);
		}
	}

	private String transferForm(MemberView member, String q, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("q", q);
		model.addAttribute("targets", organizations.findMemberHomes(q, TARGET_LIMIT)
			.stream()
			.filter(o -> o.id() != member.organizationId())
			.toList());
		return "members/transfer";
	}

	/** Both lists a page at a time; each list's links keep the other list's page. */
	@GetMapping("/members/transfers")
	String showTransfers(CurrentUser user, @RequestParam(name = "in", defaultValue = "0") int in,
			@RequestParam(name = "out", defaultValue = "0") int out, Model model) {
		Page<TransferView> incoming = members.incomingTransfers(user, PageRequest.of(Math.max(in, 0), PAGE_SIZE));
		Page<TransferView> outgoing = members.outgoingTransfers(user, PageRequest.of(Math.max(out, 0), PAGE_SIZE));
		model.addAttribute("incoming", incoming);
		model.addAttribute("outgoing", outgoing);
		model.addAttribute("incomingPages",
				PageLinks.of(incoming, "/members/transfers?out=" + outgoing.getNumber()).withParameter("in"));
		model.addAttribute("outgoingPages",
				PageLinks.of(outgoing, "/members/transfers?in=" + incoming.getNumber()).withParameter("out"));
		return "members/transfers";
	}

	@PostMapping("/members/transfers/{id}/accept")
	String acceptTransfer(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		members.acceptTransfer(user, id, version == null ? -1 : version);
		FlashMessages.success(redirect, "member.transfer.accepted");
		return "redirect:/members/transfers";
	}

	@PostMapping("/members/transfers/{id}/decline")
	String declineTransfer(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			members.declineTransfer(user, id, version == null ? -1 : version, note);
			FlashMessages.success(redirect, "member.transfer.declined");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/members/transfers";
	}

	@PostMapping("/members/transfers/{id}/cancel")
	String cancelTransfer(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		members.cancelTransfer(user, id, version == null ? -1 : version);
		FlashMessages.success(redirect, "member.transfer.cancelled");
		return "redirect:/members/transfers";
	}
}
