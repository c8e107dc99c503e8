package cn.unionportal.award;

/** An objection is open until it is dismissed or upheld. */
public enum ObjectionStatus {
	OPEN, DISMISSED, UPHELD
}
