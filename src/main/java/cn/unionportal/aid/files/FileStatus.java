package cn.unionportal.aid.files;

import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a household file stands. The order of review: applied (waiting for the grassroots
 * review) → home visit → federation review → public notice → filed; any review may reject. A
 * filed file is closed when the household recovers (解困脱困).
 */
@NamedInterface("files")
public enum FileStatus {
	APPLIED, HOME_VISIT, FEDERATION_REVIEW, PUBLIC_NOTICE, FILED, REJECTED, CLOSED;

	/** Still under review (the applicant waits for a decision). */
	public boolean isUnderReview() {
		return EnumSet.of(APPLIED, HOME_VISIT, FEDERATION_REVIEW, PUBLIC_NOTICE).contains(this);
	}

	/** Ended: a new file may be opened for the household. */
	public boolean isEnded() {
		return this == REJECTED || this == CLOSED;
	}

	static Set<FileStatus> open() {
		return EnumSet.complementOf(EnumSet.of(REJECTED, CLOSED));
	}
}
