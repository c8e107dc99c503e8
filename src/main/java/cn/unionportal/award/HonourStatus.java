package cn.unionportal.award;

/** An honour is held until it is revoked (撤销). */
public enum HonourStatus {
	ACTIVE, REVOKED
}
