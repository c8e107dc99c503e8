package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A member's enrolment in a programme, with the programme's name, year and period. */
public record EnrolmentView(long id, long programmeId, String programmeName, int programmeYear,
		LocalDate periodStart, LocalDate periodEnd, long memberId, String memberName, String cardNumber,
		long organizationId, String organizationName, LocalDate enrolledOn, EnrolmentStatus status,
		LocalDate cancelledOn, BigDecimal claimsPaid, long version) {

	public boolean isEnrolled() {
		return status == EnrolmentStatus.ENROLLED;
	}
}
