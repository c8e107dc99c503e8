package cn.unionportal.organization;

import java.time.LocalDate;

/**
 * The editable fields of an organization.
 */
public record OrganizationChanges(String name, String chair, LocalDate foundedOn, String creditCode) {
}
