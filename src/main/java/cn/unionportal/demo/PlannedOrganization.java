package cn.unionportal.demo;

import java.time.LocalDate;

import cn.unionportal.organization.OrganizationType;

/**
 * One organization of a {@link FederationPlan}, before it has a database id.
 *
 * @param index position in the plan; parents come before their children
 * @param parent index of the parent in the plan, {@link #ROOT} for the municipal federation
 * @param district index of the district-level federation it lies under, {@code -1} if none
 * @param creditCode the employer's unified social credit code (grassroots unions only)
 */
record PlannedOrganization(int index, int parent, int district, OrganizationType type, String name, String chair,
		LocalDate foundedOn, String creditCode) {

	/** The parent index that stands for the existing municipal federation. */
	static final int ROOT = -1;
}
