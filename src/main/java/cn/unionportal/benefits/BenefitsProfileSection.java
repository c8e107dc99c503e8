package cn.unionportal.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionportal.member.MemberProfileSection;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The member profile shows the member's insurance this year and their current entitlements. */
@Component
class BenefitsProfileSection implements MemberProfileSection {

	private final BenefitsManagement benefits;

	private final Clock clock;

	BenefitsProfileSection(BenefitsManagement benefits, Clock clock) {
		this.benefits = benefits;
		this.clock = clock;
	}

	@Override
	public Optional<Section> sectionFor(CurrentUser user, long memberId) {
		MemberBenefits mine = benefits.benefitsOf(memberId, LocalDate.now(clock));
		long current = mine.entitlements()
			.stream()
			.filter(e -> e.effectiveStatus() == EntitlementStatus.GRANTED)
			.count();
		List<Line> lines = List.of(
				new Line("benefit.profile.insurance",
						mine.insuredThisYear() ? "benefit.profile.insured" : "benefit.profile.notInsured", true),
				new Line("benefit.profile.entitlements", String.valueOf(current), false));
		List<Action> actions = List.of(new Action("benefit.profile.details", "/benefits/members/" + memberId, false),
				new Action("benefit.enrolment.action.new", "/benefits/enrolments/new?member=" + memberId, false),
				new Action("benefit.entitlement.action.new", "/benefits/entitlements/new?member=" + memberId, false));
		return Optional.of(new Section(20, "benefit.profile.title", lines, actions));
	}
}
