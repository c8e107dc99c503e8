package cn.unionportal.aid.cases;

/** School levels for education grants (amounts per level in the yearly policy). */
public enum SchoolLevel {
	PRIMARY, JUNIOR, SENIOR, VOCATIONAL, UNIVERSITY
}
