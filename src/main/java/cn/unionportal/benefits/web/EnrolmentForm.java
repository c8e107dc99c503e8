package cn.unionportal.benefits.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** Enrolling one member in a programme. */
record EnrolmentForm(@NotNull(message = "{validation.required}") Long memberId,
		@NotNull(message = "{validation.required}") Long programmeId,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolledOn) {
}
