package cn.unionportal.benefits;

/** A member's enrolment in a programme (参保). */
public enum EnrolmentStatus {
	ENROLLED, CANCELLED
}
