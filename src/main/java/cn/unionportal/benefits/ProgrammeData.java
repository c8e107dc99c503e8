package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What staff enter for a new programme. */
public record ProgrammeData(ProgrammeKind kind, String name, Integer year, LocalDate periodStart,
		LocalDate periodEnd, BigDecimal premium) {
}
