package cn.unionportal.member;

import java.time.LocalDate;

/**
 * What staff type for a member (registering or editing). Birth date and gender may be left empty
 * for documents that carry them (they are derived and checked against what was typed).
 */
public record MemberData(String name, Gender gender, DocumentType documentType, String idNumber, LocalDate birthDate,
		String phone, EmploymentType employmentType, Long organizationId, LocalDate joinDate) {
}
