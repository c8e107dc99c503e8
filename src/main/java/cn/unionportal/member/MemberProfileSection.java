package cn.unionportal.member;

import java.util.List;
import java.util.Optional;

import cn.unionportal.shared.security.CurrentUser;

/**
 * A section that another module adds to a member's profile page (self-service account, benefits,
 * later honours and competitions), without the member module knowing that module.
 */
public interface MemberProfileSection {

	/** The section for this member as the given staff user may see it, or empty. */
	Optional<Section> sectionFor(CurrentUser user, long memberId);

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
