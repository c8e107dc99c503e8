package cn.unionportal.award;

import java.util.List;

/**
 * The live quota and structure figures of a campaign: one line per nominating organization the
 * reader may see, and the whole campaign.
 */
public record CampaignFigures(List<QuotaLine> lines, Line overall) {

	/** A nominating organization's quota and figures. */
	public record QuotaLine(long quotaId, long organizationId, String organizationName, int quota, long basis,
			long version, Line figures) {
	}

	/** Places used (nominations in the running), approved by the district, and each constraint. */
	public record Line(int quota, int used, int districtApproved, List<ConstraintFigure> constraints) {

		public boolean allOk() {
			return constraints.stream().allMatch(ConstraintFigure::ok) && used <= quota;
		}
	}

	/** One constraint against one quota: matching nominations, the number needed or allowed. */
	public record ConstraintFigure(Criterion criterion, Bound bound, int percent, int matching, int total, int needed,
			int percentNow, boolean ok) {

		static ConstraintFigure of(AwardRules.Figure f) {
			return new ConstraintFigure(f.rule().criterion(), f.rule().bound(), f.rule().percent(), f.matching(),
					f.total(), f.needed(), f.percentNow(), f.ok());
		}
	}
}
