package cn.unionportal.competition.web;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.unionportal.competition.CompetitionManagement.TradeData;
import cn.unionportal.competition.Scoring.PrizeLevel;
import cn.unionportal.competition.TieBreak;
import cn.unionportal.competition.TrimRule;
import cn.unionportal.member.EmploymentType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new-trade form: weights, capacity, eligibility, quota, judges, rules and prizes. */
record TradeForm(@NotBlank @Size(max = 100) String name, @NotNull @Min(0) @Max(100) Integer theoryWeight,
		@NotNull @Min(0) @Max(100) Integer practicalWeight, @NotNull @Min(1) @Max(100000) Integer capacity,
		@NotNull @Min(16) @Max(70) Integer minAge, @NotNull @Min(16) @Max(70) Integer maxAge,
		Set<EmploymentType> employmentTypes, @NotNull @Min(0) @Max(5) Integer minSkillGrade,
		@NotNull @Min(1) @Max(10000) Integer quotaPerOrganization, @NotNull @Min(1) @Max(15) Integer judgeCount,
		@NotNull TrimRule trimRule, @NotNull @DecimalMin("0") BigDecimal flagSpread, @NotBlank String tieBreaks,
		@NotNull @Min(0) @Max(100) Integer firstCount, @NotNull @DecimalMin("0") BigDecimal firstAmount,
		@NotNull @Min(0) Integer firstMinEntrants, @NotNull @Min(0) @Max(100) Integer secondCount,
		@NotNull @DecimalMin("0") BigDecimal secondAmount, @NotNull @Min(0) Integer secondMinEntrants,
		@NotNull @Min(0) @Max(100) Integer thirdCount, @NotNull @DecimalMin("0") BigDecimal thirdAmount,
		@NotNull @Min(0) Integer thirdMinEntrants) {

	static TradeForm defaults() {
		return new TradeForm("", 20, 80, 60, 18, 60, EnumSet.noneOf(EmploymentType.class), 0, 3, 5, TrimRule.AUTO,
				new BigDecimal("15"), TieBreak.DEFAULT, 1, new BigDecimal("10000"), 1, 2, new BigDecimal("5000"), 4, 3,
				new BigDecimal("2000"), 6);
	}

	TradeData data() {
		return new TradeData(name, theoryWeight, practicalWeight, capacity, minAge, maxAge,
				employmentTypes == null ? Set.of() : employmentTypes, minSkillGrade, quotaPerOrganization, judgeCount,
				trimRule, flagSpread, tieBreaks, List.of(new PrizeLevel(firstCount, firstAmount, firstMinEntrants),
						new PrizeLevel(secondCount, secondAmount, secondMinEntrants),
						new PrizeLevel(thirdCount, thirdAmount, thirdMinEntrants)));
	}
}
