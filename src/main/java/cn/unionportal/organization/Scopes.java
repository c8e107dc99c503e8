package cn.unionportal.organization;

import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Hands out the {@link Scope} of a user: one per request (kept as a request attribute), so a page
 * that asks about the same organization twice queries once. Outside a request (jobs, tests) every
 * call gives a fresh scope. Services that use {@link OrganizationManagement} anyway may ask its
 * {@link OrganizationManagement#scopeOf} instead (the same scope).
 */
@Component
public class Scopes {

	private static final String ATTRIBUTE = Scopes.class.getName();

	private final OrganizationLinks links;

	private final OrganizationManagement organizations;

	Scopes(OrganizationLinks links, OrganizationManagement organizations) {
		this.links = links;
		this.organizations = organizations;
	}

	public Scope of(CurrentUser user) {
		return cached(user, links, organizations);
	}

	static Scope cached(CurrentUser user, OrganizationLinks links, OrganizationManagement organizations) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return new Scope(user, links, organizations);
		}
		Object kept = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (kept instanceof Scope scope && scope.user().equals(user)) {
			return scope;
		}
		Scope scope = new Scope(user, links, organizations);
		request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
		return scope;
	}
}
