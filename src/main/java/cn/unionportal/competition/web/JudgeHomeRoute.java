package cn.unionportal.competition.web;

import java.util.Optional;

import cn.unionportal.account.AccountPermissions;
import cn.unionportal.shared.security.PortalPrincipal;
import cn.unionportal.shared.web.HomeRoute;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** {@code /} leads an account that is only a judge to its score sheets (issue 9, from {@code HomeController}). */
@Component
class JudgeHomeRoute implements HomeRoute {

	private final AccountPermissions permissions;

	JudgeHomeRoute(AccountPermissions permissions) {
		this.permissions = permissions;
	}

	@Override
	public Optional<String> destinationFor(Authentication authentication) {
		return authentication.getPrincipal() instanceof PortalPrincipal staff
				&& permissions.isJudgeOnly(staff.currentUser()) ? Optional.of("redirect:/competitions/judging")
						: Optional.empty();
	}
}
