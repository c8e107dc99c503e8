package cn.unionportal.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in: the organization tree for staff, {@code /me} for members, the score sheets for judges. */
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
		return judgeOnly ? "redirect:/competitions/judging" : "redirect:/organizations";
	}
}
