package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A programme as staff see it.
 *
 * @param enrolledInScope active enrolments of members in the viewing user's scope
 */
public record ProgrammeView(long id, ProgrammeKind kind, String name, int year, LocalDate periodStart,
		LocalDate periodEnd, BigDecimal premium, long organizationId, String organizationName, ProgrammeStatus status,
		long enrolledInScope, long version) {

	public boolean isOpen() {
		return status == ProgrammeStatus.OPEN;
	}
}
