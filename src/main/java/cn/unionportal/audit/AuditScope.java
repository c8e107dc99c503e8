package cn.unionportal.audit;

/**
 * What the audit trail needs to know about the organization hierarchy, provided by the organization
 * module. The interface lives here, not there, because every module (organization included) writes
 * to the trail: if the trail depended on the organization module, the two would form a cycle.
 */
public interface AuditScope {

	/**
	 * A subquery selecting the ids of the organizations in the subtree of the organization bound to
	 * the named parameter {@code :ancestorParameter} (the organization itself included), to be used
	 * as {@code organization_id IN (...)}. Plain SQL that runs on PostgreSQL and H2, parameters bound
	 * by the caller, never values.
	 */
	String organizationsInSubtree(String ancestorParameter);
}
