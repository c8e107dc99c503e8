package cn.unionportal.selfservice.web;

import java.util.Optional;

import cn.unionportal.selfservice.MemberPrincipal;
import cn.unionportal.shared.web.HomeRoute;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** {@code /} leads a signed-in member to {@code /me} (issue 9, from {@code HomeController}). */
@Component
class MemberHomeRoute implements HomeRoute {

	@Override
	public Optional<String> destinationFor(Authentication authentication) {
		return authentication.getPrincipal() instanceof MemberPrincipal ? Optional.of("redirect:/me") : Optional.empty();
	}
}
