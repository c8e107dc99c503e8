package cn.unionportal.organization;

import java.time.LocalDate;

/**
 * The editable fields of an organization; {@code employees} (the unit's number of employees) is
 * kept for grassroots unions only.
 */
public record OrganizationChanges(String name, String chair, LocalDate foundedOn, String creditCode, Integer employees) {

	public OrganizationChanges(String name, String chair, LocalDate foundedOn, String creditCode) {
		this(name, chair, foundedOn, creditCode, null);
	}
}
