package cn.unionportal.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Every refused sign-in shows the same message (wrong password, unknown name,
 * locked or disabled account, too many attempts from the address): the page tells an attacker
 * nothing about the account. A session ended because its account's rights changed lands here
 * with {@code ?expired}.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String showLogin(@RequestParam(required = false) String error, @RequestParam(required = false) String expired,
			Model model) {
		if (error != null) {
			model.addAttribute("loginError", "login.error.failed");
		}
		if (expired != null) {
			model.addAttribute("loginExpired", true);
		}
		return "login";
	}
}
