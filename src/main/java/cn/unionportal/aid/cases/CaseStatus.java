package cn.unionportal.aid.cases;

import org.springframework.modulith.NamedInterface;

/** Where an aid case stands: recorded (waiting for approval), approved, rejected, paid in full. */
@NamedInterface("cases")
public enum CaseStatus {
	RECORDED, APPROVED, REJECTED, PAID
}
