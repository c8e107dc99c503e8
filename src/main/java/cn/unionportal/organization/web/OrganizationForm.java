package cn.unionportal.organization.web;

import java.time.LocalDate;

import cn.unionportal.organization.OrganizationChanges;
import cn.unionportal.organization.OrganizationType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The create/edit form of an organization. {@code parentId} and {@code type} are used only when
 * creating; {@code version} only when editing.
 */
record OrganizationForm(Long parentId, @NotNull(message = "{validation.required}") OrganizationType type,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
		@Size(max = 50, message = "{validation.size.max}") String chair,
		@PastOrPresent(message = "{validation.date.notFuture}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn,
		@Size(max = 25, message = "{validation.size.max}") String creditCode,
		@PositiveOrZero(message = "{organization.error.employees}") @Max(value = 10_000_000, message = "{organization.error.employees}") Integer employees,
		Long version) {

	OrganizationChanges changes() {
		return new OrganizationChanges(name, chair, foundedOn, creditCode, employees);
	}
}
