package cn.unionportal.member;

/** How a member is employed (the registry's categories). */
public enum EmploymentType {
	ON_THE_JOB, MIGRANT_WORKER, DISPATCHED, NEW_EMPLOYMENT_FORM, HIGH_LEVEL_TALENT
}
