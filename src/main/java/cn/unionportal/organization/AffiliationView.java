package cn.unionportal.organization;

/**
 * A federation a grassroots union is affiliated with (or a union affiliated with a federation).
 *
 * @param inScope whether the current user may open the other organization
 */
public record AffiliationView(long organizationId, String name, OrganizationType type, boolean inScope) {
}
