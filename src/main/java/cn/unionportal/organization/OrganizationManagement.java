package cn.unionportal.organization;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.SearchPatterns;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization module's public face: reading the hierarchy within the current user's scope,
 * and what other modules need to know about organizations. Changes are
 * {@link OrganizationLifecycle} and {@link OrganizationAffiliations} (issue 9). Every method checks scope in the query itself (subtree of the user's
 * organization, bound parameters); an id outside the scope answers {@link NotFoundException},
 * exactly like a missing one; only then do changes check for an administrator role
 * ({@link ForbiddenException}). Creating, editing, moving and dissolving are audited (subject
 * {@code ORGANIZATION}, at the organization itself; a move also at the old parent, so the subtree
 * it left sees it go).
 */
@Service
@Transactional(readOnly = true)
public class OrganizationManagement {

	private static final int CANDIDATE_LIMIT = 50;

	/** Audit subject of organizations. */
	public static final String SUBJECT = "ORGANIZATION";

	private final OrganizationRepository organizations;

	private final AffiliationRepository affiliations;

	private final OrganizationLinks links;

	OrganizationManagement(OrganizationRepository organizations, AffiliationRepository affiliations,
			OrganizationLinks links) {
		this.organizations = organizations;
		this.affiliations = affiliations;
		this.links = links;
	}

	// ---- reading -------------------------------------------------------------------------

	/** The id of the municipal federation at the top of the hierarchy. */
	public long rootId() {
		return organizations.findRootId().orElseThrow();
	}

	/** The organization at the top of the user's scope. */
	public OrganizationSummary scopeRoot(CurrentUser user) {
		Organization root = load(user, user.organizationId());
		return summaries(List.of(root)).get(0);
	}

	public OrganizationView get(CurrentUser user, long id) {
		Organization organization = load(user, id);
		String parentName = organization.getParentId() == null ? null
				: organizations.findById(organization.getParentId()).map(Organization::getName).orElse(null);
		return view(user, organization, parentName);
	}

	/**
	 * The user's {@link Scope}, the same one {@link Scopes#of} hands out (one per request): for
	 * services that use this class anyway.
	 */
	public Scope scopeOf(CurrentUser user) {
		return Scopes.cached(user, links, this);
	}

	/** Whether {@code organizationId} lies in the user's subtree. */
	boolean isWithinScope(CurrentUser user, long organizationId) {
		return scopeOf(user).contains(organizationId);
	}

	/** Whether the organization exists, lies in the user's subtree and is active. */
	public boolean isActiveWithinScope(CurrentUser user, long organizationId) {
		return organizations.findInScope(user.organizationId(), organizationId).map(Organization::isActive).orElse(false);
	}

	/** Whether {@code organizationId} lies in the subtree of {@code ancestorId}. */
	public boolean isWithin(long ancestorId, long organizationId) {
		return links.isWithin(ancestorId, organizationId);
	}

	/** The path from the top of the user's scope down to the organization itself. */
	public List<OrganizationSummary> breadcrumb(CurrentUser user, long id) {
		load(user, id);
		return organizations.findAncestorsInScope(user.organizationId(), id)
			.stream()
			.map(o -> toSummary(o, 0))
			.toList();
	}

	public Page<OrganizationSummary> children(CurrentUser user, long parentId, Pageable pageable) {
		load(user, parentId);
		Page<Organization> page = organizations.findChildren(user.organizationId(), parentId, unsorted(pageable));
		return withCounts(page);
	}

	/** Organizations in scope whose name contains the query, or whose credit code is the query. */
	public Page<OrganizationSummary> search(CurrentUser user, String query, Pageable pageable) {
		String trimmed = query == null ? "" : query.strip();
		Page<Organization> page = organizations.search(user.organizationId(), SearchPatterns.contains(trimmed),
				CreditCode.normalize(trimmed), pinyinPattern(trimmed), unsorted(pageable));
		return withCounts(page);
	}

	/**
	 * A query typed in pinyin ({@code hcq}, {@code huancui}) as a pattern that finds it anywhere in an
	 * organization's pinyin keys; null for any other query (the name and credit code still match).
	 */
	private static String pinyinPattern(String query) {
		return ChineseNames.pinyinQuery(query).map(SearchPatterns::contains).orElse(null);
	}

	/** The federations a grassroots union is affiliated with. */
	public List<AffiliationView> affiliationsOf(CurrentUser user, long unionId) {
		load(user, unionId);
		return affiliations.findFederationsOf(unionId)
			.stream()
			.map(o -> new AffiliationView(o.getId(), o.getName(), o.getType(), isWithinScope(user, o.getId())))
			.toList();
	}

	/** The grassroots unions in the user's scope affiliated with a federation. */
	public Page<OrganizationSummary> affiliatedUnions(CurrentUser user, long federationId, Pageable pageable) {
		load(user, federationId);
		return withCounts(affiliations.findUnionsOf(user.organizationId(), federationId, unsorted(pageable)));
	}

	/** Active organizations in scope that may become the new parent of {@code id}. */
	public List<OrganizationSummary> moveTargets(CurrentUser user, long id, String query) {
		Organization organization = load(user, id);
		Set<OrganizationType> parentTypes = EnumSet.noneOf(OrganizationType.class);
		for (OrganizationType candidate : OrganizationType.values()) {
			if (candidate.mayContain(organization.getType())) {
				parentTypes.add(candidate);
			}
		}
		if (parentTypes.isEmpty()) {
			return List.of();
		}
		return organizations
			.findCandidates(user.organizationId(), parentTypes, SearchPatterns.contains(query), pinyinPattern(query), id,
					PageRequest.of(0, CANDIDATE_LIMIT))
			.stream()
			.filter(o -> !o.getId().equals(organization.getParentId()))
			.map(o -> toSummary(o, 0))
			.toList();
	}

	/** Industry and industry-chain federations in scope that a grassroots union may join. */
	public List<OrganizationSummary> affiliationTargets(CurrentUser user, long unionId, String query) {
		Organization union = load(user, unionId);
		if (!union.getType().isEnterprise()) {
			return List.of();
		}
		Set<Long> already = affiliations.findFederationsOf(unionId)
			.stream()
			.map(Organization::getId)
			.collect(Collectors.toSet());
		return organizations
			.findCandidates(user.organizationId(),
					EnumSet.of(OrganizationType.INDUSTRY_FEDERATION, OrganizationType.INDUSTRY_CHAIN_FEDERATION),
					SearchPatterns.contains(query), pinyinPattern(query), unionId, PageRequest.of(0, CANDIDATE_LIMIT))
			.stream()
			.filter(o -> !already.contains(o.getId()))
			.map(o -> toSummary(o, 0))
			.toList();
	}

	/**
	 * The organization members of the user's scope may belong to: in scope, active and a member
	 * home ({@link OrganizationType#isMemberHome()}).
	 */
	public OrganizationSummary requireMemberHome(CurrentUser user, long id, String field) {
		Organization organization = load(user, id);
		if (!organization.isActive()) {
			throw new RuleViolationException(field, "organization.error.parentDissolved");
		}
		if (!organization.getType().isMemberHome()) {
			throw new RuleViolationException(field, "member.error.notMemberHome");
		}
		return toSummary(organization, 0);
	}

	/**
	 * Active member homes anywhere in the federation whose name contains the query: the possible
	 * targets of a transfer (names only; nothing else about organizations outside the scope).
	 */
	public List<OrganizationSummary> findMemberHomes(String query, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		Set<OrganizationType> homes = EnumSet.noneOf(OrganizationType.class);
		for (OrganizationType type : OrganizationType.values()) {
			if (type.isMemberHome()) {
				homes.add(type);
			}
		}
		return organizations
			.findCandidates(rootId(), homes, SearchPatterns.contains(query), pinyinPattern(query), -1,
					PageRequest.of(0, limit))
			.stream()
			.map(o -> toSummary(o, 0))
			.toList();
	}

	/** An active member home anywhere in the federation, or empty. */
	public Optional<OrganizationSummary> findActiveMemberHome(long id) {
		return organizations.findById(id)
			.filter(o -> o.isActive() && o.getType().isMemberHome())
			.map(o -> toSummary(o, 0));
	}

	/** The type of an organization (for rules that depend on the level of the acting user). */
	public OrganizationType typeOf(long organizationId) {
		return organizations.findById(organizationId)
			.map(Organization::getType)
			.orElseThrow(() -> new NotFoundException("organization", organizationId));
	}

	/** The district federation above (or at) an organization, if it lies under one. */
	public Optional<Long> districtOf(long organizationId) {
		return organizations.findAncestorsInScope(rootId(), organizationId)
			.stream()
			.filter(o -> o.getType() == OrganizationType.DISTRICT_FEDERATION)
			.map(Organization::getId)
			.findFirst();
	}

	/**
	 * The district federations a user works with: the active ones in their subtree, and the one
	 * above them (a district or grassroots user sees their own district's figures).
	 */
	public List<Long> districtsAround(CurrentUser user) {
		return organizations.findDistrictsAround(user.organizationId());
	}

	/**
	 * Ids of the organizations anywhere in the federation whose name contains {@code query}
	 * (case-insensitive), for public pages that filter by organization name without a user scope.
	 */
	public List<Long> idsNamedLike(String query) {
		return organizations.findIdsNamedLike(SearchPatterns.contains(query));
	}

	/**
	 * The active district federations under the root, id to name in pinyin order: the district
	 * filter of member and public pages (names only, no entities or child counts).
	 */
	public Map<Long, String> activeDistricts() {
		Map<Long, String> districts = new java.util.LinkedHashMap<>();
		for (Object[] row : organizations.findActiveDistrictNames()) {
			districts.put((Long) row[0], (String) row[1]);
		}
		return districts;
	}

	/** Names of the given organizations (for other modules' lists); ids not found are left out. */
	public Map<Long, String> namesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		for (Object[] row : organizations.findNames(ids)) {
			names.put((Long) row[0], (String) row[1]);
		}
		return names;
	}

	// ---- helpers -------------------------------------------------------------------------

	private Organization load(CurrentUser user, long id) {
		return organizations.findInScope(user.organizationId(), id)
			.orElseThrow(() -> new NotFoundException("organization", id));
	}

	private OrganizationView view(CurrentUser user, Organization o, String parentName) {
		boolean parentVisible = o.getParentId() != null && isWithinScope(user, o.getParentId());
		return new OrganizationView(o.getId(), o.getName(), o.getType(), parentVisible ? o.getParentId() : null,
				parentName, o.getChair(), o.getFoundedOn(), o.getCreditCode(), o.getStatus(), o.getDissolvedOn(),
				o.getVersion(), o.getId() == user.organizationId(), o.getEmployees());
	}

	private Page<OrganizationSummary> withCounts(Page<Organization> page) {
		Map<Long, Long> counts = activeChildCounts(page.getContent().stream().map(Organization::getId).toList());
		return page.map(o -> toSummary(o, counts.getOrDefault(o.getId(), 0L)));
	}

	private List<OrganizationSummary> summaries(List<Organization> list) {
		Map<Long, Long> counts = activeChildCounts(list.stream().map(Organization::getId).toList());
		return list.stream().map(o -> toSummary(o, counts.getOrDefault(o.getId(), 0L))).toList();
	}

	private Map<Long, Long> activeChildCounts(List<Long> ids) {
		Map<Long, Long> counts = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Object[] row : organizations.countActiveChildren(ids)) {
				counts.put((Long) row[0], (Long) row[1]);
			}
		}
		return counts;
	}

	private static OrganizationSummary toSummary(Organization o, long activeChildren) {
		return new OrganizationSummary(o.getId(), o.getName(), o.getType(), o.getStatus(), o.getParentId(),
				activeChildren);
	}

	private static Pageable unsorted(Pageable pageable) {
		return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
	}
}
