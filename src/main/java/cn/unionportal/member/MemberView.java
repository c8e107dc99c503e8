package cn.unionportal.member;

import java.time.LocalDate;

/**
 * A member's profile (masked values only; revealing is a separate, audited action). The birth
 * year, never the birth date: beside the masked number the date would narrow it down to about a
 * hundred candidates.
 */
public record MemberView(long id, String name, Gender gender, DocumentType documentType, String idNumberMasked,
		int birthYear, String phoneMasked, EmploymentType employmentType, long organizationId,
		String organizationName, LocalDate joinDate, MemberStatus status, String cardNumber, long version) {

	public boolean isActive() {
		return status == MemberStatus.ACTIVE;
	}
}
