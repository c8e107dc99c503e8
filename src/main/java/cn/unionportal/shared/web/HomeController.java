package cn.unionportal.shared.web;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where {@code /} leads after signing in: the first {@link HomeRoute} that has a say (members to
 * {@code /me}, judges with no other role to their score sheets), else the staff home page
 * ({@code /home}, the statistics module's work queues and headline figures) under the address
 * {@code /}. Which kind of account someone holds is decided by the owning module, not here.
 */
@Controller
class HomeController {

	private final List<HomeRoute> routes;

	HomeController(List<HomeRoute> routes) {
		this.routes = routes;
	}

	@GetMapping("/")
	String home(Authentication authentication) {
		if (authentication != null) {
			for (HomeRoute route : routes) {
				Optional<String> destination = route.destinationFor(authentication);
				if (destination.isPresent()) {
					return destination.get();
				}
			}
		}
		return "forward:/home";
	}
}
