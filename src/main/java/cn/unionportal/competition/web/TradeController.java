package cn.unionportal.competition.web;

import java.math.BigDecimal;
import java.util.List;

import cn.unionportal.competition.CompetitionEntries;
import cn.unionportal.competition.CompetitionManagement;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.competition.CompetitionPermissions;
import cn.unionportal.competition.CompetitionResults;
import cn.unionportal.competition.Judging;
import cn.unionportal.competition.TrimRule;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.validation.Valid;
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

/** Trades: creation, the trade's page (scheme, panel, entries, ranking), registration and withdrawal. */
@Controller
@RequestMapping("/competitions")
class TradeController {

	private final CompetitionManagement competitions;

	private final CompetitionEntries entries;

	private final CompetitionResults results;

	private final Judging judging;

	private final CompetitionPermissions permissions;

	private final MemberManagement members;

	private final cn.unionportal.competition.EntryImport entryImport;

	TradeController(CompetitionManagement competitions, CompetitionEntries entries, CompetitionResults results,
			Judging judging, CompetitionPermissions permissions, MemberManagement members,
			cn.unionportal.competition.EntryImport entryImport) {
		this.entryImport = entryImport;
		this.competitions = competitions;
		this.entries = entries;
		this.results = results;
		this.judging = judging;
		this.permissions = permissions;
		this.members = members;
	}

	@GetMapping("/{id}/trades/new")
	String showTradeForm(CurrentUser user, @PathVariable long id, Model model) {
		CompetitionView competition = competitions.get(user, id);
		permissions.requireOrganizer(user, competition.organizerId());
		model.addAttribute("form", TradeForm.defaults());
		return tradeForm(competition, model);
	}

	@PostMapping("/{id}/trades")
	String addTrade(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") TradeForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		CompetitionView competition = competitions.get(user, id);
		if (binding.hasErrors()) {
			return tradeForm(competition, model);
		}
		try {
			long trade = competitions.addTrade(user, id, form.data());
			FlashMessages.success(redirect, "competition.trade.added", form.name());
			return "redirect:/competitions/trades/" + trade;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return tradeForm(competition, model);
		}
	}

	private String tradeForm(CompetitionView competition, Model model) {
		model.addAttribute("competition", competition);
		model.addAttribute("employmentTypes", EmploymentType.values());
		model.addAttribute("trimRules", TrimRule.values());
		return "competitions/trade-form";
	}

	@GetMapping("/trades/{tradeId}")
	String showTrade(CurrentUser user, @PathVariable long tradeId, Model model) {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView competition = competitions.get(user, trade.competitionId());
		boolean organizer = permissions.isOrganizer(user, competition.organizerId());
		model.addAttribute("trade", trade);
		model.addAttribute("competition", competition);
		model.addAttribute("organizer", organizer);
		model.addAttribute("aspects", competitions.aspects(tradeId));
		model.addAttribute("panel", judging.panel(tradeId));
		model.addAttribute("pool", organizer ? judging.pool(user) : List.of());
		model.addAttribute("entries", entries.entries(user, trade.competitionId(), tradeId));
		model.addAttribute("results", organizer ? results.results(trade.competitionId(), tradeId, false) : List.of());
		return "competitions/trade";
	}

	@PostMapping("/trades/{tradeId}/aspects")
	String addAspect(CurrentUser user, @PathVariable long tradeId, @RequestParam String part, @RequestParam String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) BigDecimal maxMark,
			@RequestParam(required = false) String descriptors, RedirectAttributes redirect) {
		return tradeStep(redirect, tradeId, () -> {
			if (name == null || name.isBlank() || maxMark == null || maxMark.signum() <= 0 || !List.of("THEORY", "PRACTICAL").contains(part)
					|| !List.of("MEASUREMENT", "JUDGEMENT").contains(kind)) {
				throw new RuleViolationException("name", "competition.aspect.error.invalid");
			}
			competitions.addAspect(user, tradeId, part, kind, name, maxMark, descriptors);
			FlashMessages.success(redirect, "competition.aspect.added", name);
		});
	}

	@PostMapping("/trades/{tradeId}/panel")
	String seatJudge(CurrentUser user, @PathVariable long tradeId, @RequestParam long judgeId,
			@RequestParam(defaultValue = "false") boolean chief, RedirectAttributes redirect) {
		return tradeStep(redirect, tradeId, () -> {
			judging.seat(user, tradeId, judgeId, chief);
			FlashMessages.success(redirect, "competition.judge.seated");
		});
	}

	@PostMapping("/trades/{tradeId}/draw")
	String drawStations(CurrentUser user, @PathVariable long tradeId, RedirectAttributes redirect) {
		return tradeStep(redirect, tradeId, () -> {
			entries.drawStations(user, tradeId);
			FlashMessages.success(redirect, "competition.trade.drawn");
		});
	}

	@GetMapping("/trades/{tradeId}/entries/new")
	String showEntryForm(CurrentUser user, @PathVariable long tradeId, @RequestParam(required = false) String q,
			Model model) {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView competition = competitions.get(user, trade.competitionId());
		model.addAttribute("trade", trade);
		model.addAttribute("competition", competition);
		model.addAttribute("q", q);
		model.addAttribute("candidates", q == null || q.isBlank() ? List.of()
				: members.search(user, new MemberQuery(q, null, null, MemberStatus.ACTIVE, null), PageRequest.of(0, 20))
					.getContent());
		return "competitions/entry-form";
	}

	@PostMapping("/trades/{tradeId}/entries")
	String registerEntry(CurrentUser user, @PathVariable long tradeId,
			@RequestParam(name = "memberIds", required = false) List<Long> memberIds,
			@RequestParam(required = false) String teamName, @RequestParam(defaultValue = "0") int skillGrade,
			@RequestParam(required = false) String q, RedirectAttributes redirect) {
		try {
			entries.register(user, tradeId, memberIds == null ? List.of() : memberIds, teamName, skillGrade);
			FlashMessages.success(redirect, "competition.entry.registered");
			return "redirect:/competitions/trades/" + tradeId;
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
			redirect.addAttribute("q", q);
			return "redirect:/competitions/trades/" + tradeId + "/entries/new";
		}
	}

	@PostMapping("/trades/{tradeId}/entries/import")
	String importEntries(CurrentUser user, @PathVariable long tradeId,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView competition = competitions.get(user, trade.competitionId());
		if (file == null || file.isEmpty()) {
			FlashMessages.error(redirect, "competition.import.error.file");
			return "redirect:/competitions/trades/" + tradeId + "/entries/new";
		}
		try (var in = file.getInputStream()) {
			model.addAttribute("result", entryImport.run(user, tradeId, in));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
			return "redirect:/competitions/trades/" + tradeId + "/entries/new";
		}
		model.addAttribute("trade", trade);
		model.addAttribute("competition", competition);
		return "competitions/import-result";
	}

	@PostMapping("/entries/{entryId}/status")
	String changeEntryStatus(CurrentUser user, @PathVariable long entryId, @RequestParam long version,
			@RequestParam String status, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		long tradeId = entries.entry(user, entryId).tradeId();
		return tradeStep(redirect, tradeId, () -> {
			if (!List.of("WITHDRAWN", "DISQUALIFIED").contains(status)) {
				throw new RuleViolationException(null, "competition.entry.error.notActive");
			}
			entries.changeStatus(user, entryId, version, status, reason);
			FlashMessages.success(redirect, "competition.entry.status." + status);
		});
	}

	private static String tradeStep(RedirectAttributes redirect, long tradeId, Runnable action) {
		try {
			action.run();
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/competitions/trades/" + tradeId;
	}
}
