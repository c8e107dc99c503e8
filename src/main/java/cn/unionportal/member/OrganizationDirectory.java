package cn.unionportal.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/**
 * Every organization in a user's scope, by id and by name, read once per import so that rows are
 * checked without a query each. Ids and names outside the scope are simply not there: they answer
 * like unknown ones.
 */
final class OrganizationDirectory {

	private static final int PAGE = 1000;

	private final Map<Long, OrganizationSummary> byId;

	private final Map<String, List<OrganizationSummary>> byName;

	OrganizationDirectory(List<OrganizationSummary> organizations) {
		this.byId = new HashMap<>();
		this.byName = new HashMap<>();
		for (OrganizationSummary organization : organizations) {
			byId.put(organization.id(), organization);
			byName.computeIfAbsent(organization.name().strip(), n -> new ArrayList<>(1)).add(organization);
		}
	}

	static OrganizationDirectory of(OrganizationManagement organizations, CurrentUser user) {
		List<OrganizationSummary> all = new ArrayList<>();
		Page<OrganizationSummary> page = organizations.search(user, "", PageRequest.of(0, PAGE));
		all.addAll(page.getContent());
		while (page.hasNext()) {
			page = organizations.search(user, "", page.nextPageable());
			all.addAll(page.getContent());
		}
		return new OrganizationDirectory(all);
	}

	OrganizationSummary byId(long id) {
		return byId.get(id);
	}

	/** The organizations in scope with exactly this name (usually one; names repeat only under different parents). */
	List<OrganizationSummary> byName(String name) {
		return byName.getOrDefault(name.strip(), List.of());
	}

	/** Active member homes, by name, for the template's organization sheet. */
	List<OrganizationSummary> activeMemberHomes() {
		return byId.values()
			.stream()
			.filter(o -> o.isActive() && o.type().isMemberHome())
			.sorted((a, b) -> a.name().equals(b.name()) ? Long.compare(a.id(), b.id()) : a.name().compareTo(b.name()))
			.toList();
	}
}
