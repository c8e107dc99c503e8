package cn.unionportal.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where {@code /} leads after signing in: members to {@code /me}, judges (and nothing else) to their
 * score sheets, staff to their home page ({@code /home}, the statistics module's work queues and
 * headline figures) under the address {@code /}.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication) {
		boolean member = authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_MEMBER".equals(authority.getAuthority()));
		if (member) {
			return "redirect:/me";
		}
		boolean judgeOnly = authentication != null && authentication.getAuthorities()
			.stream()
			.allMatch(authority -> "ROLE_JUDGE".equals(authority.getAuthority()));
		return judgeOnly ? "redirect:/competitions/judging" : "forward:/home";
	}
}
