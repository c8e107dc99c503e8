package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Figures by organization: for each figure key, the value of each organization in the subtree
 * (the organization's own records, not its descendants'). Sums up the tree are made by the
 * statistics module, so a level's total is the sum of its parts by construction.
 */
public final class OrganizationFigures {

	private final Map<String, Map<Long, BigDecimal>> values = new HashMap<>();

	/** Adds {@code value} to the organization's figure (several rows may add to one). */
	public OrganizationFigures add(String key, long organizationId, BigDecimal value) {
		if (value != null && value.signum() != 0) {
			values.computeIfAbsent(key, k -> new HashMap<>()).merge(organizationId, value, BigDecimal::add);
		}
		return this;
	}

	public OrganizationFigures add(String key, long organizationId, long value) {
		return add(key, organizationId, BigDecimal.valueOf(value));
	}

	public OrganizationFigures addAll(OrganizationFigures other) {
		other.values.forEach((key, byOrg) -> byOrg.forEach((org, value) -> add(key, org, value)));
		return this;
	}

	/** The organizations' values of one figure (empty when none). */
	public Map<Long, BigDecimal> of(String key) {
		return values.getOrDefault(key, Map.of());
	}

	public Set<String> keys() {
		return values.keySet();
	}
}
