package cn.unionportal.award;

/** Level of an honour (and of an innovation studio). */
public enum HonourLevel {
	NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT
}
