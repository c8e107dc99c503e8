package cn.unionportal.benefits.web;

import java.time.LocalDate;

import cn.unionportal.benefits.EntitlementData;
import cn.unionportal.benefits.EntitlementKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** Granting an entitlement to one member; the end of the period may stay empty. */
record EntitlementForm(@NotNull(message = "{validation.required}") Long memberId,
		@NotNull(message = "{validation.required}") EntitlementKind kind,
		@Size(max = 200, message = "{validation.size.max}") String description,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	EntitlementData data() {
		return new EntitlementData(kind, description, validFrom, validUntil);
	}
}
