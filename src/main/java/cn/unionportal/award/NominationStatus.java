package cn.unionportal.award;

import java.util.EnumSet;
import java.util.Set;

/** Where a nomination stands. */
public enum NominationStatus {

	DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, REJECTED, PANEL_APPROVED, PANEL_REJECTED, ON_NOTICE, WITHDRAWN,
	CONFERRED;

	/** Nominations that use a quota place and count in the structure figures. */
	public static final Set<NominationStatus> IN_THE_RUNNING = EnumSet.of(SUBMITTED, DISTRICT_APPROVED, PANEL_APPROVED,
			ON_NOTICE, CONFERRED);

	/** The nominating organization may still edit it (and submit it). */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}
}
