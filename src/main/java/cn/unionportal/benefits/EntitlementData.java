package cn.unionportal.benefits;

import java.time.LocalDate;

/** What staff enter to grant an entitlement; {@code validUntil} may stay empty (open-ended). */
public record EntitlementData(EntitlementKind kind, String description, LocalDate validFrom, LocalDate validUntil) {
}
