package cn.unionportal.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationType;

/**
 * A synthetic federation worked out in memory: the organizations (parents first), the
 * affiliations of grassroots unions with industry-chain federations and how many members each
 * organization gets. Made by {@link FederationPlanner}; the same size and seed give the same plan.
 *
 * @param members members per organization, by plan index (zero for organizations that are not
 * member homes)
 */
record FederationPlan(List<PlannedOrganization> organizations, List<Affiliation> affiliations, int[] members) {

	/** A grassroots union (plan index) that also belongs to a federation (plan index). */
	record Affiliation(int union, int federation) {
	}

	Map<OrganizationType, Integer> countsByType() {
		Map<OrganizationType, Integer> counts = new EnumMap<>(OrganizationType.class);
		for (PlannedOrganization organization : organizations) {
			counts.merge(organization.type(), 1, Integer::sum);
		}
		return counts;
	}

	int totalMembers() {
		int total = 0;
		for (int count : members) {
			total += count;
		}
		return total;
	}
}
