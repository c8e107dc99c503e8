package cn.unionportal.award;

import java.time.Instant;

/** An objection to a candidate on public notice (the objector's phone masked). */
public record ObjectionView(long id, long nominationId, String nomineeName, String objectorName, String phoneMasked,
		String content, Instant receivedAt, ObjectionStatus status, String resolution, String resolvedBy,
		long version) {

	public boolean isAnonymous() {
		return objectorName == null;
	}
}
