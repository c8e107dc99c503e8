package cn.unionportal.member;

import java.time.LocalDate;

/** One row of the member list (masked values only). */
public record MemberSummary(long id, String name, Gender gender, String idNumberMasked, String phoneMasked,
		String cardNumber, EmploymentType employmentType, long organizationId, String organizationName,
		LocalDate joinDate, MemberStatus status) {
}
