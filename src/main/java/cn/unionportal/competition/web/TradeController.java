package cn.unionportal.competition.web;

import java.math.BigDecimal;
import java.util.List;

import cn.unionportal.competition.CompetitionCatalogue;
import cn.unionportal.competition.CompetitionEntries;
import cn.unionportal.competition.EntryLists;
import cn.unionportal.competition.CompetitionManagement;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.competition.CompetitionPermissions;
import cn.unionportal.competition.CompetitionResults;
import cn.unionportal.competition.JudgePool;
import cn.unionportal.competition.TrimRule;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import jakarta.validation.Valid;
import cn.unionportal.shared.web.PageLinks;
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

/** Trades: creation, the trade's page (scheme, panel, entries, ranking), aspects, panel seats and the station draw. */
@Controller
@RequestMapping("/competitions")
class TradeController {

	private final CompetitionManagement competitions;

	private final CompetitionCatalogue catalogue;

	private final CompetitionEntries entries;

	private final EntryLists lists;

	private final CompetitionResults results;

	private final JudgePool judging;

	private final CompetitionPermissions permissions;

	TradeController(CompetitionManagement competitions, CompetitionCatalogue catalogue, CompetitionEntries entries,
			EntryLists lists, CompetitionResults results, JudgePool judging, CompetitionPermissions permissions) {
		this.lists = lists;
		this.competitions = competitions;
		this.catalogue = catalogue;
		this.entries = entries;
		this.results = results;
		this.judging = judging;
		this.permissions = permissions;
	}

	@GetMapping("/{id}/trades/new")
	String showTradeForm(CurrentUser user, @PathVariable long id, Model model) {
		CompetitionView competition = catalogue.get(user, id);
		permissions.requireOrganizer(user, competition.organizerId());
		model.addAttribute("form", TradeForm.defaults());
		return tradeForm(competition, model);
	}

	@PostMapping("/{id}/trades")
	String addTrade(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") TradeForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		CompetitionView competition = catalogue.get(user, id);
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
	String showTrade(CurrentUser user, @PathVariable long tradeId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "0") int rankPage, Model model) {
		TradeView trade = catalogue.trade(tradeId);
		CompetitionView competition = catalogue.get(user, trade.competitionId());
		boolean organizer = permissions.isOrganizer(user, competition.organizerId());
		model.addAttribute("trade", trade);
		model.addAttribute("competition", competition);
		model.addAttribute("organizer", organizer);
		model.addAttribute("aspects", catalogue.aspects(tradeId));
		model.addAttribute("panel", judging.panel(tradeId));
		model.addAttribute("pool", organizer ? judging.pool(user) : List.of());
		String base = "/competitions/trades/" + tradeId;
		Page<EntryLists.EntryView> list = lists.entries(user, trade.competitionId(), tradeId,
				PageRequest.of(Math.max(page, 0), CompetitionController.ENTRY_PAGE));
		model.addAttribute("entries", list);
		model.addAttribute("entryPages", PageLinks.of(list, base + "?rankPage=" + rankPage));
		Page<CompetitionResults.ResultLine> ranking = organizer
				? results.ranking(trade.competitionId(), tradeId, PageRequest.of(Math.max(rankPage, 0), CompetitionController.ENTRY_PAGE))
				: Page.empty();
		model.addAttribute("results", ranking);
		model.addAttribute("rankPages", PageLinks.of(ranking, base + "?page=" + page).withParameter("rankPage"));
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

	static String tradeStep(RedirectAttributes redirect, long tradeId, Runnable action) {
		try {
			action.run();
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/competitions/trades/" + tradeId;
	}
}
