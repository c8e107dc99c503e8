package cn.unionportal.award;

import java.util.Set;

import cn.unionportal.award.AwardRules.KindRule;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may be nominated: the nominee (a member of the user's scope, or an organization) lies in the
 * nominating organization's subtree, and a member is eligible for the campaign's honour (an active
 * member, no conferral of the same kind within the set years, the prerequisite held, the
 * clearances of an enterprise head: {@link AwardRules#eligibility}). A refusal names the field.
 */
@Component
class Nominees {

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final HonourCatalogue catalogue;

	private final HonourRegister register;

	Nominees(MemberManagement members, OrganizationManagement organizations, HonourCatalogue catalogue,
			HonourRegister register) {
		this.members = members;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.register = register;
	}

	/** The member (404 outside the user's scope). */
	MemberView member(CurrentUser user, long memberId) {
		return members.get(user, memberId);
	}

	/** The nominee's organization is the nominating one or lies below it. */
	void requireBelow(long nominatingOrganizationId, long nomineeOrganizationId, String field) {
		if (nomineeOrganizationId != nominatingOrganizationId
				&& !organizations.isWithin(nominatingOrganizationId, nomineeOrganizationId)) {
			throw new RuleViolationException(field, "award.error.notBelow");
		}
	}

	/** The member may receive the campaign's honour in this category with these clearances. */
	void requireEligible(CampaignView campaign, MemberView member, NomineeCategory category, Set<ClearanceItem> cleared) {
		HonourKindView kind = catalogue.kind(campaign.kindId());
		AwardRules.eligibility(member.isActive(),
				new KindRule(kind.id(), kind.prerequisiteId(), kind.repeatAfterYears()), campaign.year(),
				register.heldBy(member.id()), category, cleared)
			.ifPresent(refusal -> {
				throw new RuleViolationException(refusal.field(), refusal.messageKey(), refusal.arguments());
			});
	}
}
