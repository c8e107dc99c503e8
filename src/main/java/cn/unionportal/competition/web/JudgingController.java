package cn.unionportal.competition.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.competition.ChiefJudging;
import cn.unionportal.competition.Judging;
import cn.unionportal.competition.Judging.Sheet;
import cn.unionportal.competition.TheoryImport;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The judges' side (role JUDGE; the filter chain lets no one else in): their trades, the blind
 * score sheet (contestant codes, never names), marks, signing, and the chief judge's lock,
 * times and corrections.
 */
@Controller
@RequestMapping("/competitions/judging")
class JudgingController {

	private final Judging judging;

	private final ChiefJudging chief;

	private final TheoryImport theoryImport;

	JudgingController(Judging judging, ChiefJudging chief, TheoryImport theoryImport) {
		this.judging = judging;
		this.chief = chief;
		this.theoryImport = theoryImport;
	}

	@GetMapping
	String listAssignments(CurrentUser user, Model model) {
		List<Judging.Assignment> assignments = judging.assignments(user);
		model.addAttribute("assignments", assignments);
		model.addAttribute("pages", PageLinks.of(new PageImpl<>(assignments), "/competitions/judging")); // one page
		return "competitions/judging";
	}

	@GetMapping("/trades/{tradeId}")
	String showSheet(CurrentUser user, @PathVariable long tradeId, Model model) {
		Sheet sheet = judging.sheet(user, tradeId);
		model.addAttribute("sheet", sheet);
		return "competitions/sheet";
	}

	@PostMapping("/trades/{tradeId}/entries/{entryId}")
	String saveMarks(CurrentUser user, @PathVariable long tradeId, @PathVariable long entryId, @RequestParam long version,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return step(redirect, tradeId, () -> {
			Map<Long, BigDecimal> marks = new LinkedHashMap<>();
			for (var field : form.entrySet()) {
				if (field.getKey().startsWith("mark_") && !field.getValue().isBlank()) {
					try {
						marks.put(Long.parseLong(field.getKey().substring(5)), new BigDecimal(field.getValue().strip()));
					}
					catch (NumberFormatException notANumber) {
						throw new RuleViolationException("marks", "competition.mark.error.number", field.getValue());
					}
				}
			}
			judging.mark(user, tradeId, entryId, version, marks);
			FlashMessages.success(redirect, "competition.mark.saved");
		});
	}

	/** Theory scores from an Excel sheet into the judge's own sheet; the refused rows are listed. */
	@PostMapping("/trades/{tradeId}/theory")
	String importTheory(CurrentUser user, @PathVariable long tradeId, @RequestParam long version,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		Sheet sheet = judging.sheet(user, tradeId);
		if (file == null || file.isEmpty()) {
			return step(redirect, tradeId, () -> {
				throw new RuleViolationException("file", "competition.import.error.file");
			});
		}
		try (var in = file.getInputStream()) {
			model.addAttribute("result", theoryImport.run(user, tradeId, version, in));
		}
		catch (RuleViolationException | ConflictException refused) {
			return step(redirect, tradeId, () -> {
				throw refused;
			});
		}
		model.addAttribute("sheet", sheet);
		return "competitions/theory-result";
	}

	@PostMapping("/trades/{tradeId}/sign")
	String signSheet(CurrentUser user, @PathVariable long tradeId, @RequestParam long version,
			RedirectAttributes redirect) {
		return step(redirect, tradeId, () -> {
			judging.sign(user, tradeId, version);
			FlashMessages.success(redirect, "competition.mark.signed");
		});
	}

	@PostMapping("/trades/{tradeId}/lock")
	String lockTrade(CurrentUser user, @PathVariable long tradeId, RedirectAttributes redirect) {
		return step(redirect, tradeId, () -> {
			chief.lock(user, tradeId);
			FlashMessages.success(redirect, "competition.mark.tradeLocked");
		});
	}

	@PostMapping("/trades/{tradeId}/entries/{entryId}/time")
	String recordTime(CurrentUser user, @PathVariable long tradeId, @PathVariable long entryId,
			@RequestParam(required = false) Integer minutes, RedirectAttributes redirect) {
		return step(redirect, tradeId, () -> {
			if (minutes == null) {
				throw new RuleViolationException("minutes", "competition.mark.error.minutes");
			}
			chief.recordTime(user, tradeId, entryId, minutes);
			FlashMessages.success(redirect, "competition.mark.timeRecorded");
		});
	}

	@PostMapping("/trades/{tradeId}/correct")
	String correctMark(CurrentUser user, @PathVariable long tradeId, @RequestParam long entryId,
			@RequestParam long aspectId, @RequestParam long judgeId, @RequestParam(required = false) BigDecimal mark,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, tradeId, () -> {
			if (mark == null) {
				throw new RuleViolationException("mark", "competition.mark.error.number", "");
			}
			chief.correct(user, tradeId, entryId, aspectId, judgeId, mark, reason);
			FlashMessages.success(redirect, "competition.mark.corrected");
		});
	}

	private static String step(RedirectAttributes redirect, long tradeId, Runnable action) {
		try {
			action.run();
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		catch (ConflictException stale) {
			FlashMessages.error(redirect, "competition.mark.error.stale");
		}
		return "redirect:/competitions/judging/trades/" + tradeId;
	}
}
