package cn.unionportal.benefits.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The total of claims paid out on an enrolment, in yuan. */
record ClaimsForm(@NotNull(message = "{validation.required}") @DecimalMin(value = "0", message = "{benefit.error.amount}") @Digits(integer = 10, fraction = 2, message = "{benefit.error.amount}") BigDecimal claimsPaid,
		Long version) {
}
