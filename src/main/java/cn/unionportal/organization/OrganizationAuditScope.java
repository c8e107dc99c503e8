package cn.unionportal.organization;

import cn.unionportal.audit.AuditScope;
import org.springframework.stereotype.Component;

/**
 * Tells the audit trail which organizations a subtree holds: the closure table is this module's,
 * so its SQL is written here and handed over as a subquery (one indexed lookup in the database,
 * however many organizations the subtree holds).
 */
@Component
class OrganizationAuditScope implements AuditScope {

	@Override
	public String organizationsInSubtree(String ancestorParameter) {
		if (!ancestorParameter.matches("[A-Za-z][A-Za-z0-9]*")) {
			throw new IllegalArgumentException("not a parameter name: " + ancestorParameter);
		}
		return "SELECT oc.descendant_id FROM organization_closure oc WHERE oc.ancestor_id = :" + ancestorParameter;
	}
}
