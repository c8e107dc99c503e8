package cn.unionportal.award.web;

import java.util.List;

import cn.unionportal.award.Campaigns;
import cn.unionportal.award.CampaignView;
import cn.unionportal.award.NominationManagement;
import cn.unionportal.award.NomineeCategory;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FormErrors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A new nomination for a campaign: the form and its submission (the nomination page is {@link NominationController}). */
@Controller
@RequestMapping("/awards")
class NominationEntryController {

	private final NominationManagement nominations;

	private final Campaigns campaigns;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	NominationEntryController(NominationManagement nominations, Campaigns campaigns, MemberManagement members,
			OrganizationManagement organizations) {
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.members = members;
		this.organizations = organizations;
	}

	@GetMapping("/campaigns/{id}/nominations/new")
	String showNominationForm(CurrentUser user, @PathVariable long id, Model model) {
		CampaignView campaign = campaigns.campaign(user, id);
		model.addAttribute("form", new NominationForm(user.organizationId(), "", null, NomineeCategory.FRONT_LINE, "", "", ""));
		return nominationForm(user, campaign, model);
	}

	private String nominationForm(CurrentUser user, CampaignView campaign, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("categories", NomineeCategory.forPersons());
		List<OrganizationSummary> below = organizations
			.children(user, user.organizationId(), PageRequest.of(0, 200)).getContent();
		model.addAttribute("organizations", below);
		model.addAttribute("ownOrganization", organizations.scopeRoot(user));
		return "awards/nomination-form";
	}

	@PostMapping("/campaigns/{id}/nominations")
	String nominate(CurrentUser user, @PathVariable long id, @ModelAttribute("form") NominationForm form,
			BindingResult binding, Model model) {
		CampaignView campaign = campaigns.campaign(user, id);
		try {
			Long memberId = null;
			if (!campaign.collective()) {
				String card = form.cardNumber() == null ? "" : form.cardNumber().strip();
				memberId = members.findIdByCardNumber(card)
					.orElseThrow(() -> new RuleViolationException("cardNumber", "award.error.noSuchCard"));
			}
			long nomination = nominations.nominate(user, id, form.data(memberId));
			return "redirect:/awards/nominations/" + nomination;
		}
		catch (RuleViolationException violation) {
			if ("memberId".equals(violation.field())) {
				binding.rejectValue("cardNumber", violation.messageKey(), violation.arguments(), null);
			}
			else {
				FormErrors.reject(binding, violation);
			}
		}
		catch (cn.unionportal.shared.NotFoundException outOfScope) {
			binding.rejectValue("cardNumber", "award.error.noSuchCard");
		}
		return nominationForm(user, campaign, model);
	}
}
