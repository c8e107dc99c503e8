package cn.unionportal.benefits;

import java.time.LocalDate;
import java.util.List;

/**
 * What a member is entitled to, as of a day: their enrolments (newest programme year first) and
 * entitlements (newest first, each with its effective status).
 *
 * @param insuredThisYear whether the member has an active enrolment in a programme of
 * {@code today}'s year
 */
public record MemberBenefits(long memberId, LocalDate today, boolean insuredThisYear, List<EnrolmentView> enrolments,
		List<EntitlementView> entitlements) {

	public MemberBenefits {
		enrolments = List.copyOf(enrolments);
		entitlements = List.copyOf(entitlements);
	}
}
