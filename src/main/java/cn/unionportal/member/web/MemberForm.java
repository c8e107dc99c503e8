package cn.unionportal.member.web;

import java.time.LocalDate;

import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.Gender;
import cn.unionportal.member.MemberData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** Registering or editing a member. Gender and birth date may stay empty for ID cards. */
record MemberForm(
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.size.max}") String name,
		Gender gender, @NotNull(message = "{validation.required}") DocumentType documentType,
		@Size(max = 30, message = "{validation.size.max}") String idNumber,
		@PastOrPresent(message = "{validation.date.notFuture}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
		@Size(max = 20, message = "{validation.size.max}") String phone,
		@NotNull(message = "{validation.required}") EmploymentType employmentType,
		@NotNull(message = "{validation.required}") Long organizationId,
		@PastOrPresent(message = "{validation.date.notFuture}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinDate,
		Long version) {

	MemberData data() {
		return new MemberData(name, gender, documentType, idNumber, birthDate, phone, employmentType, organizationId,
				joinDate);
	}
}
