package cn.unionportal.aid.web;

import java.util.UUID;

import cn.unionportal.aid.cases.AidAmount;
import cn.unionportal.aid.cases.AidCaseContext;
import cn.unionportal.aid.cases.AidCaseDecisions;
import cn.unionportal.aid.cases.AidCaseDetails;
import cn.unionportal.aid.cases.AidCaseLists;
import cn.unionportal.aid.cases.AidCaseManagement;
import cn.unionportal.aid.cases.AidCasePayments;
import cn.unionportal.aid.cases.AidCaseQuery;
import cn.unionportal.aid.cases.AidCaseSummary;
import cn.unionportal.aid.cases.AidCaseView;
import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.cases.CaseStatus;
import cn.unionportal.aid.cases.PaymentChannel;
import cn.unionportal.aid.cases.SchoolLevel;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Aid case pages: the list with filters, the work queue, recording (with the computed amount and
 * the rule behind it), the detail page with its timeline, decisions and payments.
 */
@Controller
@RequestMapping("/aid/cases")
class AidCaseController {

	private static final int PAGE_SIZE = 20;

	private final AidCaseLists lists;

	private final AidCaseDetails details;

	private final AidCaseManagement cases;

	private final AidCaseDecisions decisions;

	private final AidCasePayments payments;

	private final OrganizationManagement organizations;

	AidCaseController(AidCaseLists lists, AidCaseDetails details, AidCaseManagement cases,
			AidCaseDecisions decisions, AidCasePayments payments, OrganizationManagement organizations) {
		this.lists = lists;
		this.details = details;
		this.cases = cases;
		this.decisions = decisions;
		this.payments = payments;
		this.organizations = organizations;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", AidKind.values());
		model.addAttribute("caseStatuses", CaseStatus.values());
		model.addAttribute("schoolLevels", SchoolLevel.values());
		model.addAttribute("channels", PaymentChannel.values());
	}

	@GetMapping
	String listCases(CurrentUser user, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) AidKind kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) Long member,
			@RequestParam(required = false) Long file, @RequestParam(defaultValue = "0") int page, Model model) {
		AidCaseQuery query = new AidCaseQuery(status, kind, year, organization, member, file);
		Page<AidCaseSummary> results = lists.search(user, query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("cases", results);
		model.addAttribute("query", query);
		model.addAttribute("decides", lists.decidesCases(user));
		if (organization != null) {
			model.addAttribute("organization", organizations.get(user, organization));
		}
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/aid/cases");
		addIfPresent(base, "status", status);
		addIfPresent(base, "kind", kind);
		addIfPresent(base, "year", year);
		addIfPresent(base, "organization", organization);
		addIfPresent(base, "member", member);
		addIfPresent(base, "file", file);
		model.addAttribute("pages", PageLinks.of(results, base.encode().toUriString()));
		return "aid/cases/list";
	}

	@GetMapping("/queue")
	String showQueue(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<AidCaseSummary> results = lists.queue(user, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("cases", results);
		model.addAttribute("decides", lists.decidesCases(user));
		model.addAttribute("pages", PageLinks.of(results, "/aid/cases/queue"));
		return "aid/cases/queue";
	}

	@GetMapping("/new")
	String showRecordForm(CurrentUser user, @RequestParam long member, @RequestParam(required = false) Long file,
			@RequestParam(required = false) AidKind kind, Model model) {
		AidCaseContext context = cases.prepare(user, member, file);
		model.addAttribute("context", context);
		if (kind == null) {
			return "aid/cases/kind";
		}
		AidCaseForm form = AidCaseForm.empty(kind, member, file);
		model.addAttribute("form", form);
		model.addAttribute("amount", cases.preview(user, form.data()));
		return "aid/cases/form";
	}

	/** Re-renders the form with the amount computed from what has been entered (no JavaScript needed). */
	@PostMapping("/preview")
	String previewAmount(CurrentUser user, @Valid @ModelAttribute("form") AidCaseForm form, BindingResult binding,
			Model model) {
		return form(user, form, binding, model);
	}

	@PostMapping
	String recordCase(CurrentUser user, @Valid @ModelAttribute("form") AidCaseForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (form.memberId() == null) {
			return "redirect:/aid/cases";
		}
		if (!binding.hasErrors()) {
			try {
				long id = cases.record(user, form.data());
				FlashMessages.success(redirect, "aid.case.recorded", String.valueOf(id));
				return "redirect:/aid/cases/" + id;
			}
			catch (RuleViolationException violation) {
				FormErrors.reject(binding, violation);
			}
		}
		return form(user, form, binding, model);
	}

	@GetMapping("/{id}")
	String showCase(CurrentUser user, @PathVariable long id, Model model) {
		AidCaseView view = details.get(user, id);
		model.addAttribute("decision", new AidDecisionForm("", view.version()));
		model.addAttribute("payment", newPayment(view));
		return detail(view, model);
	}

	@PostMapping("/{id}/approve")
	String approveCase(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("decision") AidDecisionForm decision, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return decide(user, id, decision, binding, model, redirect, true);
	}

	@PostMapping("/{id}/reject")
	String rejectCase(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("decision") AidDecisionForm decision, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return decide(user, id, decision, binding, model, redirect, false);
	}

	@PostMapping("/{id}/payments")
	String recordPayment(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("payment") AidPaymentForm payment, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		AidCaseView view = details.get(user, id);
		if (!binding.hasErrors()) {
			try {
				boolean recorded = payments.pay(user, id, payment.data());
				FlashMessages.success(redirect, recorded ? "aid.payment.recorded" : "aid.payment.alreadyRecorded");
				return "redirect:/aid/cases/" + id;
			}
			catch (RuleViolationException violation) {
				FormErrors.reject(binding, violation);
			}
			catch (ConflictException | OptimisticLockingFailureException concurrent) {
				// the same form submitted twice at once: the other submission recorded it
				if (payments.paymentRecorded(payment.requestToken())) {
					FlashMessages.success(redirect, "aid.payment.alreadyRecorded");
					return "redirect:/aid/cases/" + id;
				}
				throw concurrent;
			}
		}
		model.addAttribute("decision", new AidDecisionForm("", view.version()));
		return detail(view, model);
	}

	private String decide(CurrentUser user, long id, AidDecisionForm decision, BindingResult binding, Model model,
			RedirectAttributes redirect, boolean approve) {
		AidCaseView view = details.get(user, id);
		if (!binding.hasErrors()) {
			try {
				long version = decision.version() == null ? -1 : decision.version();
				if (approve) {
					decisions.approve(user, id, version, decision.comment());
				}
				else {
					decisions.reject(user, id, version, decision.comment());
				}
				FlashMessages.success(redirect, approve ? "aid.case.approved" : "aid.case.rejected");
				return "redirect:/aid/cases/" + id;
			}
			catch (RuleViolationException violation) {
				FormErrors.reject(binding, violation);
			}
		}
		model.addAttribute("payment", newPayment(view));
		return detail(view, model);
	}

	private String form(CurrentUser user, AidCaseForm form, BindingResult binding, Model model) {
		if (form.memberId() == null || form.kind() == null) {
			return "redirect:/aid/cases";
		}
		model.addAttribute("context", cases.prepare(user, form.memberId(), form.fileId()));
		AidAmount amount = null;
		if (!binding.hasFieldErrors("billAmount") && !binding.hasFieldErrors("insuranceAmount")
				&& !binding.hasFieldErrors("otherAidAmount")) {
			amount = cases.preview(user, form.data());
		}
		model.addAttribute("amount", amount);
		return "aid/cases/form";
	}

	private String detail(AidCaseView view, Model model) {
		model.addAttribute("aidCase", view);
		return "aid/cases/detail";
	}

	private AidPaymentForm newPayment(AidCaseView view) {
		return new AidPaymentForm(cases.today(), view.payable(), PaymentChannel.BANK_TRANSFER, null,
				UUID.randomUUID().toString());
	}

	private static void addIfPresent(UriComponentsBuilder builder, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			builder.queryParam(name, value);
		}
	}
}
