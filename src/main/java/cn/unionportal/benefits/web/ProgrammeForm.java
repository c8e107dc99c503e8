package cn.unionportal.benefits.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.unionportal.benefits.ProgrammeData;
import cn.unionportal.benefits.ProgrammeKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A new programme (for example this year's mutual-aid insurance). */
record ProgrammeForm(@NotNull(message = "{validation.required}") ProgrammeKind kind,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
		@NotNull(message = "{validation.required}") @Min(value = 2000, message = "{benefit.programme.error.year}") @Max(value = 2100, message = "{benefit.programme.error.year}") Integer year,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
		@DecimalMin(value = "0", message = "{benefit.error.amount}") @Digits(integer = 8, fraction = 2, message = "{benefit.error.amount}") BigDecimal premium) {

	ProgrammeData data() {
		return new ProgrammeData(kind, name, year, periodStart, periodEnd, premium);
	}
}
