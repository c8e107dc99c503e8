package cn.unionportal.award;

import java.util.List;

/** An innovation studio (创新工作室) with its team and yearly evaluations. */
public record StudioView(long id, String name, long organizationId, String organizationName, long leaderMemberId,
		String leaderName, HonourLevel level, int recognizedYear, String field, List<String> team,
		List<Evaluation> evaluations, long version) {

	/** A yearly evaluation. */
	public record Evaluation(int year, String grade, String note) {
	}
}
