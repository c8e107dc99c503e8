package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.files.FileStatus;
import cn.unionportal.aid.files.FileViews.FileQuery;
import cn.unionportal.aid.files.PriorityHolders;
import cn.unionportal.aid.files.FileViews.FileSummary;
import cn.unionportal.aid.files.FileViews.FileView;
import cn.unionportal.aid.files.HardshipCause;
import cn.unionportal.aid.files.HardshipFileAccessLog;
import cn.unionportal.aid.files.HardshipFileManagement;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Household hardship files: lists, the work queue and the relapse watch, the application form,
 * the detail page with its timeline, and one POST per lifecycle step.
 */
@Controller
@RequestMapping("/aid/files")
class HardshipFileController {

	private static final int PAGE_SIZE = 20;

	private static final int ACCESS_PAGE_SIZE = 20;

	private final HardshipFileManagement files;

	private final MemberManagement members;

	private final HardshipFileAccessLog accessLog;

	private final Clock clock;

	private final AidPermissions permissions;

	private final PriorityHolders priorityHolders;

	HardshipFileController(HardshipFileManagement files, MemberManagement members, HardshipFileAccessLog accessLog,
			Clock clock, AidPermissions permissions, PriorityHolders priorityHolders) {
		this.permissions = permissions;
		this.priorityHolders = priorityHolders;
		this.files = files;
		this.members = members;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("statuses", FileStatus.values());
		model.addAttribute("tiers", HardshipTier.values());
		model.addAttribute("causeChoices", HardshipCause.values());
		model.addAttribute("today", LocalDate.now(clock));
	}

	@GetMapping
	String listFiles(CurrentUser user, @RequestParam(required = false) FileStatus status,
			@RequestParam(required = false) HardshipTier tier, @RequestParam(required = false) Long organization,
			@RequestParam(required = false) Long member, @RequestParam(defaultValue = "false") boolean watch,
			@RequestParam(defaultValue = "false") boolean priority, @RequestParam(defaultValue = "0") int page,
			Model model) {
		FileQuery query = new FileQuery(status, tier, organization, member, watch, priority);
		Page<FileSummary> results = files.search(user, query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/aid/files");
		if (status != null) {
			base.queryParam("status", status);
		}
		if (tier != null) {
			base.queryParam("tier", tier);
		}
		if (organization != null) {
			base.queryParam("organization", organization);
		}
		if (member != null) {
			base.queryParam("member", member);
		}
		if (watch) {
			base.queryParam("watch", true);
		}
		if (priority) {
			base.queryParam("priority", true);
		}
		model.addAttribute("files", results);
		model.addAttribute("priorityMembers", priorityHolders.amongFiles(results));
		model.addAttribute("query", query);
		model.addAttribute("pages", PageLinks.of(results, base.encode().toUriString()));
		model.addAttribute("mode", watch ? "watch" : "list");
		return "aid/files/list";
	}

	@GetMapping("/queue")
	String showWorkQueue(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<FileSummary> results = files.workQueue(user, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("files", results);
		model.addAttribute("priorityMembers", priorityHolders.amongFiles(results));
		model.addAttribute("query", new FileQuery(null, null, null, null, false, false));
		model.addAttribute("pages", PageLinks.of(results, "/aid/files/queue"));
		model.addAttribute("mode", "queue");
		return "aid/files/list";
	}

	@GetMapping("/new")
	String showApplicationForm(CurrentUser user, @RequestParam long member, Model model) {
		FileApplicationForm form = new FileApplicationForm();
		form.setMemberId(member);
		model.addAttribute("form", form);
		return applicationForm(user, member, model);
	}

	@PostMapping
	String applyForFile(CurrentUser user, @Valid @ModelAttribute("form") FileApplicationForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (form.getMemberId() == null) {
			return "redirect:/members";
		}
		if (binding.hasErrors()) {
			return applicationForm(user, form.getMemberId(), model);
		}
		try {
			long id = files.apply(user, form.application());
			FlashMessages.success(redirect, "aid.file.applied");
			return "redirect:/aid/files/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return applicationForm(user, form.getMemberId(), model);
		}
	}

	private String applicationForm(CurrentUser user, long memberId, Model model) {
		model.addAttribute("member", members.get(user, memberId));
		return "aid/files/form";
	}

	@GetMapping("/{id}")
	String showFile(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int accessPage,
			Model model) {
		return detail(user, files.get(user, id), accessPage, model);
	}

	@PostMapping("/{id}/reveal")
	String revealHousehold(CurrentUser user, @PathVariable long id, Model model) {
		return detail(user, files.reveal(user, id), 0, model);
	}

	private String detail(CurrentUser user, FileView file, int accessPage, Model model) {
		model.addAttribute("file", file);
		model.addAttribute("priorityHolder", priorityHolders.isPriority(file.memberId()));
		if (permissions.mayReadAccessLog(user)) {
			var accesses = accessLog.entries(user, file.id(),
					PageRequest.of(Math.max(accessPage, 0), ACCESS_PAGE_SIZE));
			model.addAttribute("accesses", accesses);
			model.addAttribute("accessPages",
					PageLinks.of(accesses, "/aid/files/" + file.id()).withParameter("accessPage"));
		}
		model.addAttribute("timeline", files.timeline(user, file.id()));
		model.addAttribute("objections", files.objections(user, file.id()));
		model.addAttribute("federationLevel", permissions.isFederationLevel(user));
		return "aid/files/detail";
	}

	@PostMapping("/{id}/grassroots-review")
	String reviewAtGrassroots(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(defaultValue = "false") boolean approve, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> files.grassrootsReview(user, id, version(version), approve, comment),
				approve ? "aid.file.step.approved" : "aid.file.step.rejected");
	}

	@PostMapping("/{id}/visit")
	String recordVisit(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitDate,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String visitNotes,
			@RequestParam(defaultValue = "true") boolean approve, RedirectAttributes redirect) {
		return step(redirect, id,
				() -> files.recordVisit(user, id, version(version), visitDate, visitors, visitNotes, approve),
				approve ? "aid.file.step.visitRecorded" : "aid.file.step.rejected");
	}

	@PostMapping("/{id}/federation-review")
	String reviewAtFederation(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(defaultValue = "false") boolean approve, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> files.federationReview(user, id, version(version), approve, comment),
				approve ? "aid.file.step.noticeStarted" : "aid.file.step.rejected");
	}

	@PostMapping("/{id}/objections")
	String raiseObjection(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String content,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> files.raiseObjection(user, id, content), "aid.file.step.objectionRaised");
	}

	@PostMapping("/{id}/objections/{objectionId}/resolve")
	String resolveObjection(CurrentUser user, @PathVariable long id, @PathVariable long objectionId,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "false") boolean upheld,
			@RequestParam(required = false) String resolution, RedirectAttributes redirect) {
		return step(redirect, id,
				() -> files.resolveObjection(user, id, objectionId, version(version), upheld, resolution),
				"aid.file.step.objectionResolved");
	}

	@PostMapping("/{id}/file")
	String fileHousehold(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> files.file(user, id, version(version)), "aid.file.step.filed");
	}

	@PostMapping("/{id}/review")
	String reviewYearly(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) HardshipTier tier, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> files.yearlyReview(user, id, version(version), tier, comment),
				"aid.file.step.reviewed");
	}

	@PostMapping("/{id}/close")
	String closeFile(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, id, () -> files.close(user, id, version(version), reason), "aid.file.step.closed");
	}

	@PostMapping("/{id}/income")
	String recordIncome(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) BigDecimal monthlyIncome, RedirectAttributes redirect) {
		return step(redirect, id, () -> files.recordIncome(user, id, version(version), monthlyIncome),
				"aid.file.step.incomeRecorded");
	}

	@PostMapping("/{id}/clear-flag")
	String clearRelapseFlag(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return step(redirect, id, () -> files.clearRelapseFlag(user, id, version(version), comment),
				"aid.file.step.flagCleared");
	}

	private static String step(RedirectAttributes redirect, long id, Runnable action, String successKey) {
		try {
			action.run();
			FlashMessages.success(redirect, successKey);
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/aid/files/" + id;
	}

	private static long version(Long version) {
		return version == null ? -1 : version;
	}
}
