package cn.unionportal.award;

/** A nomination as staff see it (the deeds in full; no ID or phone numbers anywhere). */
public record NominationView(long id, long campaignId, Long memberId, Long nomineeOrganizationId, String nomineeName,
		long organizationId, String organizationName, long quotaOrganizationId, NomineeCategory category, boolean woman,
		boolean migrant, String deeds, String deedsSummary, String unitDecision, String unitPosting,
		NominationStatus status, String nominatedBy, String districtReviewer, String returnReason, int votesFor,
		int votesAgainst, long version) {
}
