package cn.unionportal.award;

/** What the district decides on a submitted nomination. */
public enum ReviewDecision {
	APPROVE, RETURN, REJECT
}
