package cn.unionportal.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Administrators browse the audit trail of their subtree, by kind of record (and its id), by
 * member, by user and by date.
 */
@Controller
class AuditController {

	/** The kinds of record the filter offers (labels {@code audit.subjectType.*}). */
	static final List<String> SUBJECT_TYPES = List.of("MEMBER", "MEMBER_IMPORT", "STAFF_ACCOUNT", "ORGANIZATION",
			"HARDSHIP_FILE", "AID_CASE", "AID_BUDGET", "AID_POLICY", "BENEFIT_PROGRAMME", "BENEFIT_ENROLMENT",
			"BENEFIT_ENTITLEMENT", "MERCHANT");

	/** Pages of records other than members that an audit line links to (the page checks scope again). */
	static final Map<String, String> LINKS = Map.of("STAFF_ACCOUNT", "/accounts", "ORGANIZATION",
			"/organizations", "HARDSHIP_FILE", "/aid/files", "AID_CASE", "/aid/cases");

	private final AuditTrail audit;

	private final AuditPermissions permissions;

	AuditController(AuditTrail audit, AuditPermissions permissions) {
		this.permissions = permissions;
		this.audit = audit;
	}

	@GetMapping("/audit")
	String showAuditTrail(CurrentUser user, @RequestParam(required = false) Long member,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long subject,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		permissions.requireRead(user);
		String subjectType = member != null ? "MEMBER" : type != null && SUBJECT_TYPES.contains(type) ? type : null;
		Long subjectId = member != null ? member : subjectType == null ? null : subject;
		AuditTrail.Filter filter = new AuditTrail.Filter(subjectType, subjectId, actor, from, to);
		Page<AuditTrail.Entry> entries = audit.search(user.organizationId(), filter, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("entries", entries);
		model.addAttribute("member", member);
		model.addAttribute("types", SUBJECT_TYPES);
		model.addAttribute("links", LINKS);
		model.addAttribute("type", member == null ? subjectType : null);
		model.addAttribute("subject", member == null ? subjectId : null);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/audit");
		if (member != null) {
			base.queryParam("member", member);
		}
		else if (subjectType != null) {
			base.queryParam("type", subjectType);
			if (subjectId != null) {
				base.queryParam("subject", subjectId);
			}
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
