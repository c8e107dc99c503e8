package cn.unionportal.award;

import java.math.BigDecimal;

/** What a federation administrator edits of a kind (its code and level stay). */
public record HonourKindData(String name, String nameEn, Long prerequisiteId, int repeatAfterYears,
		boolean healthCheck, boolean recuperationLeave, BigDecimal monthlyAllowance, Integer allowanceFromAge,
		boolean active) {
}
