package cn.unionportal.award.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.unionportal.award.AwardPermissions;
import cn.unionportal.award.CampaignFigures;
import cn.unionportal.award.CampaignManagement;
import cn.unionportal.award.Campaigns;
import cn.unionportal.award.CampaignStatus;
import cn.unionportal.award.CampaignView;
import cn.unionportal.award.Criterion;
import cn.unionportal.award.HonourCatalogue;
import cn.unionportal.award.NominationSearch;
import cn.unionportal.award.NominationStatus;
import cn.unionportal.award.NominationView;
import cn.unionportal.award.NoticeAndConferral;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
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

/** Staff pages of campaigns: the list, opening one, the campaign page with live figures, its phases. */
@Controller
@RequestMapping("/awards")
class CampaignController {

	private final CampaignManagement campaigns;

	private final Campaigns campaignReads;

	private final NominationSearch nominations;

	private final NoticeAndConferral notice;

	private final HonourCatalogue catalogue;

	private final AwardPermissions permissions;

	private final Clock clock;

	CampaignController(CampaignManagement campaigns, Campaigns campaignReads, NominationSearch nominations, NoticeAndConferral notice,
			HonourCatalogue catalogue, AwardPermissions permissions, Clock clock) {
		this.campaigns = campaigns;
		this.campaignReads = campaignReads;
		this.nominations = nominations;
		this.notice = notice;
		this.catalogue = catalogue;
		this.permissions = permissions;
		this.clock = clock;
	}

	@GetMapping
	String listCampaigns(CurrentUser user, Model model) {
		model.addAttribute("campaigns", campaignReads.campaigns(user));
		model.addAttribute("mayOpen", permissions.mayOpenCampaign(user));
		return "awards/campaigns";
	}

	@GetMapping("/campaigns/new")
	String showOpenForm(CurrentUser user, Model model) {
		AwardPermissionsCheck.require(permissions.mayOpenCampaign(user));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", new CampaignForm(null, today.getYear(), "", 10, today.plusDays(30), today.plusDays(60), 5));
		model.addAttribute("kinds", catalogue.kinds());
		return "awards/campaign-form";
	}

	@PostMapping("/campaigns")
	String openCampaign(CurrentUser user, @ModelAttribute("form") CampaignForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		AwardPermissionsCheck.require(permissions.mayOpenCampaign(user));
		if (!binding.hasErrors()) {
			try {
				long id = campaigns.open(user, form.data());
				FlashMessages.success(redirect, "award.campaign.opened");
				return "redirect:/awards/campaigns/" + id;
			}
			catch (RuleViolationException violation) {
				FormErrors.reject(binding, violation);
			}
		}
		model.addAttribute("kinds", catalogue.kinds());
		return "awards/campaign-form";
	}

	@GetMapping("/campaigns/{id}")
	String showCampaign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) NominationStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CampaignView campaign = campaignReads.campaign(user, id);
		CampaignFigures figures = campaignReads.figures(user, campaign);
		Page<NominationView> list = nominations.nominationsOf(user, campaign, status, PageRequest.of(Math.max(page, 0), 20));
		model.addAttribute("campaign", campaign);
		model.addAttribute("figures", figures);
		model.addAttribute("nominations", list);
		model.addAttribute("status", status);
		model.addAttribute("statuses", NominationStatus.values());
		model.addAttribute("pages", PageLinks.of(list, "/awards/campaigns/" + id + (status == null ? "" : "?status=" + status)));
		model.addAttribute("mayRun", permissions.mayRunCampaign(user, campaign.organizationId()));
		model.addAttribute("mayNominate", campaign.status() == CampaignStatus.NOMINATING && permissions.mayNominate(user));
		model.addAttribute("objections", nominations.objections(user, campaign));
		model.addAttribute("mayResolve", permissions.mayResolveObjections(user, campaign.organizationId()));
		model.addAttribute("rules", campaignReads.ruleValues(id));
		model.addAttribute("criteria", Criterion.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "awards/campaign";
	}

	@PostMapping("/campaigns/{id}/advance")
	String advance(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam CampaignStatus from, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/campaigns/" + id, "award.campaign.advanced",
				() -> campaigns.advance(user, id, version, from));
	}

	@PostMapping("/campaigns/{id}/notice")
	String startNotice(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/campaigns/" + id, "award.campaign.noticeStarted",
				() -> notice.startNotice(user, id, version));
	}

	@PostMapping("/campaigns/{id}/confer")
	String confer(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conferredOn,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/campaigns/" + id, "award.campaign.conferred",
				() -> notice.confer(user, id, version, decisionNumber, conferredOn));
	}

	@PostMapping("/campaigns/{id}/quotas/{quotaId}")
	String adjustQuota(CurrentUser user, @PathVariable long id, @PathVariable long quotaId, @RequestParam long version,
			@RequestParam(required = false) Integer quota, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/campaigns/" + id, "award.campaign.quotaAdjusted",
				() -> campaigns.adjustQuota(user, id, quotaId, version, quota));
	}

	@PostMapping("/campaigns/{id}/rules")
	String changeRules(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam Map<String, String> parameters, RedirectAttributes redirect) {
		Map<String, Integer> percents = new HashMap<>();
		parameters.forEach((name, value) -> {
			if (name.matches("[A-Z_]+_AT_(LEAST|MOST)") && value != null && value.strip().matches("\\d{1,3}")) {
				percents.put(name, Integer.valueOf(value.strip()));
			}
		});
		return Actions.run(redirect, "/awards/campaigns/" + id, "award.campaign.rulesChanged",
				() -> campaigns.changeRules(user, id, version, percents));
	}

	@PostMapping("/objections/{id}/resolve")
	String resolveObjection(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam long campaign, @RequestParam(defaultValue = "false") boolean upheld,
			@RequestParam(required = false) String resolution, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/campaigns/" + campaign, "award.objection.resolved",
				() -> notice.resolve(user, id, version, upheld, resolution));
	}
}
