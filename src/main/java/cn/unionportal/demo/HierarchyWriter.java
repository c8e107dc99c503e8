package cn.unionportal.demo;

import java.util.List;

import cn.unionportal.organization.OrganizationBulkWriter;
import cn.unionportal.organization.OrganizationBulkWriter.NewAffiliation;
import cn.unionportal.organization.OrganizationBulkWriter.NewOrganization;
import org.springframework.stereotype.Component;

/**
 * Hands a planned hierarchy to the organization module's {@link OrganizationBulkWriter} (JDBC
 * batches; the organization module writes its own tables, the closure rows included).
 */
@Component
class HierarchyWriter {

	private final OrganizationBulkWriter writer;

	HierarchyWriter(OrganizationBulkWriter writer) {
		this.writer = writer;
	}

	/**
	 * Inserts the plan under the root organization; call inside a transaction.
	 *
	 * @return the database id of each planned organization, by plan index
	 */
	long[] write(FederationPlan plan, long rootId) {
		List<NewOrganization> organizations = plan.organizations()
			.stream()
			.map(o -> new NewOrganization(o.parent() == PlannedOrganization.ROOT ? OrganizationBulkWriter.ROOT : o.parent(),
					o.type(), o.name(), o.chair(), o.foundedOn(), o.creditCode()))
			.toList();
		List<NewAffiliation> affiliations = plan.affiliations()
			.stream()
			.map(a -> new NewAffiliation(a.union(), a.federation()))
			.toList();
		return writer.write(organizations, affiliations, rootId);
	}

	/** Records the generated number of employees of grassroots unions; call inside a transaction. */
	void employees(java.util.Map<Long, Integer> employees) {
		writer.writeEmployees(employees);
	}
}
