package cn.unionportal.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;

/**
 * The part of the hierarchy a staff user works in: the subtree of their own organization. It is
 * the organization module's published answer to "may this user see organization X", obtained
 * once per request from {@link Scopes#of(CurrentUser)}, and remembers what it has been asked.
 *
 * <p>Affiliations never widen a scope (see docs/architecture.md): a union affiliated to an
 * industry-chain federation stays in its territorial district's scope only.
 *
 * <p>SQL that lists scoped rows uses {@link #SUBTREE} (or {@link ScopedQuery}), the one place the
 * closure subquery is written; the bound parameter is named {@value #PARAMETER}.
 */
public final class Scope {

	/** Name of the bound parameter that {@link #SUBTREE} expects: the id at the top of the subtree. */
	public static final String PARAMETER = "scope";

	/**
	 * {@code <column>} + this = "the column's organization lies in the subtree of {@code :scope}".
	 * A compile-time constant so repositories can use it in {@code @Query} annotations.
	 */
	public static final String SUBTREE = " IN (SELECT sc.descendant_id FROM organization_closure sc WHERE sc.ancestor_id = :scope) ";

	/**
	 * {@code <column>} + this = "the column's organization is {@code :scope} or lies above it" (the
	 * ancestors of the scope's top, e.g. programmes run for a whole district that a union below sees).
	 */
	public static final String ABOVE = " IN (SELECT sa.ancestor_id FROM organization_closure sa WHERE sa.descendant_id = :scope) ";

	private final CurrentUser user;

	private final OrganizationLinks links;

	private final OrganizationManagement organizations;

	private final Map<Long, Boolean> answers = new HashMap<>();

	Scope(CurrentUser user, OrganizationLinks links, OrganizationManagement organizations) {
		this.user = user;
		this.links = links;
		this.organizations = organizations;
		answers.put(user.organizationId(), true);
	}

	/** The organization at the top of the scope (the user's own). */
	public long rootId() {
		return user.organizationId();
	}

	public CurrentUser user() {
		return user;
	}

	/** Whether the organization lies in the subtree (false for an id that does not exist). */
	public boolean contains(long organizationId) {
		return answers.computeIfAbsent(organizationId, id -> links.isWithin(user.organizationId(), id));
	}

	/** Whether the top of the scope lies in the subtree of {@code ancestorId} (at it or below it). */
	public boolean liesWithin(long ancestorId) {
		return links.isWithin(ancestorId, user.organizationId());
	}

	/** The organization if it lies in the scope; otherwise the same 404 as a missing one. */
	public long require(long organizationId) {
		if (!contains(organizationId)) {
			throw new NotFoundException("organization", organizationId);
		}
		return organizationId;
	}

	/**
	 * The top of a list filter: the requested organization if there is one (404 outside the
	 * scope, exactly as if it did not exist), else the whole scope.
	 */
	public long narrowTo(Long requestedOrganizationId) {
		return requestedOrganizationId == null ? rootId() : require(requestedOrganizationId);
	}

	/** Names of the given organizations, for list rows; ids not found are left out. */
	public Map<Long, String> names(Collection<Long> organizationIds) {
		return organizations.namesOf(organizationIds.stream().distinct().toList());
	}

	/** The name of one organization, or null. */
	public String name(long organizationId) {
		return organizations.namesOf(List.of(organizationId)).get(organizationId);
	}
}
