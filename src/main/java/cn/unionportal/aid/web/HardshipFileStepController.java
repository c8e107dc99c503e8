package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.unionportal.aid.files.HardshipFileAftercare;
import cn.unionportal.aid.files.HardshipFileManagement;
import cn.unionportal.aid.files.HardshipObjections;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One POST per lifecycle step of a household file (split from {@link HardshipFileController} in
 * issue 9). Each answers with a redirect to the file page and a flash message.
 */
@Controller
@RequestMapping("/aid/files")
class HardshipFileStepController {

	private final HardshipFileManagement files;

	private final HardshipObjections objections;

	private final HardshipFileAftercare aftercare;

	HardshipFileStepController(HardshipFileManagement files, HardshipObjections objections,
			HardshipFileAftercare aftercare) {
		this.files = files;
		this.objections = objections;
		this.aftercare = aftercare;
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
		return step(redirect, id, () -> objections.raise(user, id, content), "aid.file.step.objectionRaised");
	}

	@PostMapping("/{id}/objections/{objectionId}/resolve")
	String resolveObjection(CurrentUser user, @PathVariable long id, @PathVariable long objectionId,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "false") boolean upheld,
			@RequestParam(required = false) String resolution, RedirectAttributes redirect) {
		return step(redirect, id,
				() -> objections.resolve(user, id, objectionId, version(version), upheld, resolution),
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
		return step(redirect, id, () -> aftercare.recordIncome(user, id, version(version), monthlyIncome),
				"aid.file.step.incomeRecorded");
	}

	@PostMapping("/{id}/clear-flag")
	String clearRelapseFlag(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return step(redirect, id, () -> aftercare.clearRelapseFlag(user, id, version(version), comment),
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
