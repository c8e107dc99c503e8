package cn.unionportal.competition.web;

import java.time.LocalDate;

import cn.unionportal.competition.CompetitionManagement.CompetitionData;
import cn.unionportal.competition.CompetitionTier;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The new-competition form (dates in ISO form, as {@code <input type="date">} reads and sends them). */
record CompetitionForm(@NotBlank @Size(max = 200) String name, @NotNull @Min(2000) @Max(2100) Integer year,
		@NotNull Long organizerId, @NotNull CompetitionTier tier, Boolean teamForm, Boolean multipleTrades,
		@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate registrationOpens,
		@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate registrationCloses,
		@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate startsOn, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate endsOn,
		@NotBlank @Size(max = 200) String venue, @NotNull @Min(1) @Max(30) Integer noticeDays) {

	CompetitionData data() {
		return new CompetitionData(name, year, organizerId, tier, Boolean.TRUE.equals(teamForm),
				Boolean.TRUE.equals(multipleTrades), registrationOpens,
				registrationCloses, startsOn, endsOn, venue, noticeDays);
	}
}
