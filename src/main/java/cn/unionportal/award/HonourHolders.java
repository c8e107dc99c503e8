package cn.unionportal.award;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What the register needs to know about a holder from the member and organization modules: the
 * member as of today, the organization's district, and the month a monthly allowance starts.
 */
@Component
class HonourHolders {

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	HonourHolders(MemberManagement members, OrganizationManagement organizations) {
		this.members = members;
		this.organizations = organizations;
	}

	/** The member (name, organization of today), or empty for an unknown member. */
	Optional<MemberBrief> member(long memberId) {
		return Optional.ofNullable(members.briefs(List.of(memberId)).get(memberId));
	}

	/** A member's honour is kept at the member's organization of today (it follows transfers). */
	HonourEntry withCurrentOrganization(HonourEntry e) {
		MemberBrief member = member(e.memberId()).orElseThrow(() -> new NotFoundException("member", e.memberId()));
		return new HonourEntry(e.kindId(), e.memberId(), member.organizationId(), e.holderName(), e.year(),
				e.conferredOn(), e.source(), e.campaignId(), e.nominationId(), e.reference(), e.certificateCode());
	}

	/** The first month a member's monthly allowance is due (from the birth date), or null. */
	YearMonth allowanceFrom(HonourEntry entry, HonourKindView kind) {
		if (entry.memberId() != null && kind.monthlyAllowance() != null && kind.allowanceFromAge() != null) {
			return AwardRules.allowanceFrom(members.birthDateOf(entry.memberId()), kind.allowanceFromAge(),
					entry.conferredOn());
		}
		return null;
	}

	Long districtOf(long organizationId) {
		return organizations.districtOf(organizationId).orElse(null);
	}
}
