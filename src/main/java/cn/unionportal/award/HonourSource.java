package cn.unionportal.award;

/** Where an honour in the register comes from. */
public enum HonourSource {
	CAMPAIGN, COMPETITION, MANUAL
}
