package cn.unionportal.member.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Starting a transfer. */
record TransferForm(@NotNull(message = "{member.transfer.chooseTarget}") Long toOrganizationId,
		@Size(max = 200, message = "{validation.size.max}") String reason, Long version) {
}
