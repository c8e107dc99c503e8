package cn.unionportal.organization;

import java.util.List;
import java.util.Optional;

import cn.unionportal.shared.security.CurrentUser;

/**
 * A section that another module adds to an organization's page (the collective honours and
 * innovation studios of the award module), without the organization module knowing that module:
 * the modules above depend on organization, never the other way round. Shaped like the member
 * module's {@code MemberProfileSection}, and drawn by the same fragment
 * ({@code fragments/parts :: moduleSection}).
 */
public interface OrganizationPageSection {

	/**
	 * The section for this organization as the given staff user may see it, or empty. The page has
	 * checked the scope already; an implementation answers empty for an organization outside it.
	 */
	Optional<Section> sectionFor(CurrentUser user, long organizationId);

	/** A titled list of lines with optional links and POST actions. */
	record Section(int order, String titleKey, List<Line> lines, List<Action> actions) {
	}

	/** A label (message key) and a value (already formatted; may itself be a message key). */
	record Line(String labelKey, String value, boolean valueIsKey) {
	}

	/** A link ({@code post == false}) or a button posting to {@code url} (with CSRF). */
	record Action(String labelKey, String url, boolean post) {
	}
}
