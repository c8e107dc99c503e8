package cn.unionportal.member;

import java.time.LocalDate;

/** A member's profile (masked values only; revealing is a separate, audited action). */
public record MemberView(long id, String name, Gender gender, DocumentType documentType, String idNumberMasked,
		LocalDate birthDate, String phoneMasked, EmploymentType employmentType, long organizationId,
		String organizationName, LocalDate joinDate, MemberStatus status, String cardNumber, long version) {

	public boolean isActive() {
		return status == MemberStatus.ACTIVE;
	}
}
