package cn.unionportal.benefits;

/** Whether a programme still takes enrolments. */
public enum ProgrammeStatus {
	OPEN, CLOSED
}
