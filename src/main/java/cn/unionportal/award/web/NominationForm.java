package cn.unionportal.award.web;

import cn.unionportal.award.NominationData;
import cn.unionportal.award.NomineeCategory;

/** The form that enters a nomination: the nominee by membership card number (or organization). */
record NominationForm(Long organizationId, String cardNumber, Long nomineeOrganizationId, NomineeCategory category,
		String deeds, String unitDecision, String unitPosting) {

	NominationData data(Long memberId) {
		return new NominationData(organizationId, memberId, nomineeOrganizationId, category, deeds, unitDecision,
				unitPosting);
	}
}
