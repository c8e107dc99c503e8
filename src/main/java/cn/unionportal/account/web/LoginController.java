package cn.unionportal.account.web;

import java.time.Duration;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
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

	private final long lockMinutes;

	LoginController(@Value("${portal.login.lock-duration:15m}") Duration lockDuration) {
		this.lockMinutes = Math.max(1, lockDuration.toMinutes());
	}

	@GetMapping("/login")
	String showLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		model.addAttribute("lockMinutes", lockMinutes);
		if (error != null) {
			Object exception = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String key = exception instanceof LockedException ? "login.error.locked"
					: exception instanceof DisabledException ? "login.error.disabled" : "login.error.badCredentials";
			model.addAttribute("loginError", key);
		}
		return "login";
	}
}
