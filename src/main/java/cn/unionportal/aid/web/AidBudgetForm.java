package cn.unionportal.aid.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Setting an organization's budget for a year ({@code version} empty for a new budget). */
record AidBudgetForm(@NotNull(message = "{validation.required}") Long organizationId,
		@NotNull(message = "{validation.required}") Integer year,
		@NotNull(message = "{validation.required}") @PositiveOrZero(message = "{aid.budget.error.amount}") @Digits(integer = 12, fraction = 2, message = "{aid.budget.error.amount}") BigDecimal amount,
		Long version) {
}
