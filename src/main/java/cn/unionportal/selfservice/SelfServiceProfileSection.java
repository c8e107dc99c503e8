package cn.unionportal.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.unionportal.member.MemberProfileSection;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The member profile shows whether the self-service account is active, with a reset button. */
@Component
class SelfServiceProfileSection implements MemberProfileSection {

	private final SelfServiceManagement selfService;

	SelfServiceProfileSection(SelfServiceManagement selfService) {
		this.selfService = selfService;
	}

	@Override
	public Optional<Section> sectionFor(CurrentUser user, long memberId) {
		var activated = selfService.activatedAt(memberId);
		List<Action> actions = new ArrayList<>();
		if (activated.isPresent()) {
			actions.add(new Action("selfservice.profile.reset", "/members/" + memberId + "/self-service/reset", true));
		}
		Line line = activated
			.map(at -> new Line("selfservice.profile.account", at.toLocalDate().toString(), false))
			.orElse(new Line("selfservice.profile.account", "selfservice.profile.notActivated", true));
		return Optional.of(new Section(10, "selfservice.profile.title", List.of(line), actions));
	}
}
