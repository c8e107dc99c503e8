package cn.unionportal.aid.web;

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
import cn.unionportal.aid.files.HardshipFileDetails;
import cn.unionportal.aid.files.HardshipFileSearch;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Household hardship files: lists, the work queue and the relapse watch, and the detail page with
 * its timeline. The application form is {@link HardshipFileApplicationController}, the lifecycle
 * steps are {@link HardshipFileStepController}.
 */
@Controller
@RequestMapping("/aid/files")
class HardshipFileController {

	private static final int PAGE_SIZE = 20;

	private static final int ACCESS_PAGE_SIZE = 20;

	private final HardshipFileSearch search;

	private final HardshipFileDetails files;

	private final HardshipFileAccessLog accessLog;

	private final Clock clock;

	private final AidPermissions permissions;

	private final PriorityHolders priorityHolders;

	HardshipFileController(HardshipFileSearch search, HardshipFileDetails files, HardshipFileAccessLog accessLog,
			Clock clock, AidPermissions permissions, PriorityHolders priorityHolders) {
		this.search = search;
		this.files = files;
		this.accessLog = accessLog;
		this.clock = clock;
		this.permissions = permissions;
		this.priorityHolders = priorityHolders;
	}

	@ModelAttribute
	void choices(Model model) {
		choices(model, clock);
	}

	/** The choices of the file pages' forms and filters, and today. */
	static void choices(Model model, Clock clock) {
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
		Page<FileSummary> results = search.search(user, query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
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
		Page<FileSummary> results = search.workQueue(user, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("files", results);
		model.addAttribute("priorityMembers", priorityHolders.amongFiles(results));
		model.addAttribute("query", new FileQuery(null, null, null, null, false, false));
		model.addAttribute("pages", PageLinks.of(results, "/aid/files/queue"));
		model.addAttribute("mode", "queue");
		return "aid/files/list";
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

}
