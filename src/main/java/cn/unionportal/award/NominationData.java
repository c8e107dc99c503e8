package cn.unionportal.award;

/**
 * A nomination as the nominating organization enters it: a member (or an organization, for a
 * collective honour), the category, the deeds and the references of the unit's own decision and
 * public posting.
 */
public record NominationData(Long organizationId, Long memberId, Long nomineeOrganizationId,
		NomineeCategory category, String deeds, String unitDecision, String unitPosting) {
}
