package cn.unionportal.award;

/** The phases of a selection campaign, in order. */
public enum CampaignStatus {

	NOMINATING, DISTRICT_REVIEW, PANEL_REVIEW, NOTICE, CONFERRED;

	/** The phase after this one (CONFERRED is the last). */
	public CampaignStatus next() {
		return this == CONFERRED ? CONFERRED : values()[ordinal() + 1];
	}
}
