package cn.unionportal.award;

import java.time.LocalDate;

/** An honour conferred outside the portal, entered by staff with its document reference. */
public record ManualHonourData(long kindId, int year, LocalDate conferredOn, String documentReference) {
}
