package cn.unionportal.competition.web;

import cn.unionportal.competition.Judging.JudgeData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A judge for the pool. */
record JudgeForm(@NotBlank @Size(max = 50) String name, @NotNull Long organizationId,
		@NotBlank @Size(max = 100) String qualification, @NotBlank @Size(max = 200) String trades,
		@Size(max = 50) String accountUsername) {

	JudgeData data() {
		return new JudgeData(name, organizationId, qualification, trades, null, accountUsername);
	}
}
