package cn.unionportal.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.unionportal.organization.OrganizationPageSection;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The organization page lists the organization's collective honours (工人先锋号, 劳模创新工作室 as a
 * title) and its own innovation studios (创新工作室), with a link to each honour and to the studios of
 * the organization and those below it.
 */
@Component
class AwardOrganizationSection implements OrganizationPageSection {

	private final HonourRegister register;

	private final InnovationStudios studios;

	private final Scopes scopes;

	AwardOrganizationSection(HonourRegister register, InnovationStudios studios, Scopes scopes) {
		this.register = register;
		this.studios = studios;
		this.scopes = scopes;
	}

	@Override
	public Optional<Section> sectionFor(CurrentUser user, long organizationId) {
		if (!scopes.of(user).contains(organizationId)) {
			return Optional.empty();
		}
		List<Line> lines = new ArrayList<>();
		List<Action> actions = new ArrayList<>();
		for (HonourView h : register.collectiveHonoursOf(user, organizationId)) {
			lines.add(new Line(h.isActive() ? "award.organization.honour" : "award.profile.revoked",
					h.year() + " " + h.kindName() + " · " + h.reference(), false));
			actions.add(new Action("award.organization.openHonour", "/awards/honours/" + h.id(), false));
		}
		for (StudioView s : studios.studiosAt(user, organizationId)) {
			lines.add(new Line("award.organization.studio", s.name() + " · " + s.leaderName() + " · " + s.recognizedYear(),
					false));
		}
		if (lines.isEmpty()) {
			lines.add(new Line("award.organization.title", "award.profile.none", true));
		}
		actions.add(new Action("award.organization.studios", "/awards/studios?organization=" + organizationId, false));
		return Optional.of(new Section(30, "award.organization.title", lines, actions));
	}
}
