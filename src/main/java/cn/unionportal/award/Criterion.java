package cn.unionportal.award;

/** What a structure constraint of a campaign counts. */
public enum Criterion {
	FRONT_LINE, ENTERPRISE_HEAD, WOMEN, MIGRANT
}
