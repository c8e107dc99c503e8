package cn.unionportal.aid;

/** Where an aid case stands: recorded (waiting for approval), approved, rejected, paid in full. */
public enum CaseStatus {
	RECORDED, APPROVED, REJECTED, PAID
}
