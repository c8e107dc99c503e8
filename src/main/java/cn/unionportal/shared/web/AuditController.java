package cn.unionportal.shared.web;

import java.time.LocalDate;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Administrators browse the audit trail of their subtree, by member, by user and by date.
 */
@Controller
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String showAuditTrail(CurrentUser user, @RequestParam(required = false) Long member,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!user.isAdministrator()) {
			throw new ForbiddenException("the audit trail is for administrators");
		}
		AuditTrail.Filter filter = new AuditTrail.Filter(member == null ? null : "MEMBER", member, actor, from, to);
		Page<AuditTrail.Entry> entries = audit.search(user.organizationId(), filter, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("entries", entries);
		model.addAttribute("member", member);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/audit");
		if (member != null) {
			base.queryParam("member", member);
		}
		if (actor != null && !actor.isBlank()) {
			base.queryParam("actor", actor);
		}
		if (from != null) {
			base.queryParam("from", from);
		}
		if (to != null) {
			base.queryParam("to", to);
		}
		model.addAttribute("pages", PageLinks.of(entries, base.encode().toUriString()));
		return "audit/list";
	}
}
