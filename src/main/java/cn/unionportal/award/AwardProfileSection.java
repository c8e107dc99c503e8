package cn.unionportal.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.unionportal.member.MemberProfileSection;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The member profile lists the member's honours (荣誉档案), with a link to each and to enter one. */
@Component
class AwardProfileSection implements MemberProfileSection {

	private final HonourRegister register;

	private final AwardPermissions permissions;

	AwardProfileSection(HonourRegister register, AwardPermissions permissions) {
		this.register = register;
		this.permissions = permissions;
	}

	@Override
	public Optional<Section> sectionFor(CurrentUser user, long memberId) {
		List<HonourView> honours = register.ownHonours(memberId);
		List<Line> lines = new ArrayList<>();
		for (HonourView h : honours) {
			lines.add(new Line(h.isActive() ? "award.profile.honour" : "award.profile.revoked",
					h.year() + " " + h.kindName() + " · " + h.reference(), false));
		}
		if (lines.isEmpty()) {
			lines.add(new Line("award.profile.honours", "award.profile.none", true));
		}
		List<Action> actions = new ArrayList<>();
		honours.forEach(h -> actions.add(new Action("award.profile.open", "/awards/honours/" + h.id(), false)));
		if (permissions.mayManageRegister(user)) {
			actions.add(new Action("award.honour.action.enter", "/awards/honours/new?member=" + memberId, false));
		}
		return Optional.of(new Section(30, "award.profile.title", lines, actions));
	}
}
