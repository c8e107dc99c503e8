package cn.unionportal.account.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Tells a locked or disabled account apart from a wrong password.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String showLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object exception = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String key = exception instanceof LockedException ? "login.error.locked"
					: exception instanceof DisabledException ? "login.error.disabled" : "login.error.badCredentials";
			model.addAttribute("loginError", key);
		}
		return "login";
	}
}
