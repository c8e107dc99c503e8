package cn.unionportal.competition.web;

import java.util.List;

import cn.unionportal.competition.CompetitionCatalogue;
import cn.unionportal.competition.CompetitionEntries;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.competition.EntryImport;
import cn.unionportal.competition.EntryLists;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Entries of a trade: registration one by one or from Excel, withdrawal and disqualification. */
@Controller
@RequestMapping("/competitions")
class EntryController {

	private final CompetitionCatalogue catalogue;

	private final CompetitionEntries entries;

	private final EntryLists lists;

	private final MemberManagement members;

	private final EntryImport entryImport;

	EntryController(CompetitionCatalogue catalogue, CompetitionEntries entries, EntryLists lists,
			MemberManagement members, EntryImport entryImport) {
		this.lists = lists;
		this.catalogue = catalogue;
		this.entries = entries;
		this.members = members;
		this.entryImport = entryImport;
	}

	@GetMapping("/trades/{tradeId}/entries/new")
	String showEntryForm(CurrentUser user, @PathVariable long tradeId, @RequestParam(required = false) String q,
			Model model) {
		TradeView trade = catalogue.trade(tradeId);
		CompetitionView competition = catalogue.get(user, trade.competitionId());
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
		TradeView trade = catalogue.trade(tradeId);
		CompetitionView competition = catalogue.get(user, trade.competitionId());
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
		long tradeId = lists.entry(user, entryId).tradeId();
		return TradeController.tradeStep(redirect, tradeId, () -> {
			if (!List.of("WITHDRAWN", "DISQUALIFIED").contains(status)) {
				throw new RuleViolationException(null, "competition.entry.error.notActive");
			}
			entries.changeStatus(user, entryId, version, status, reason);
			FlashMessages.success(redirect, "competition.entry.status." + status);
		});
	}
}
