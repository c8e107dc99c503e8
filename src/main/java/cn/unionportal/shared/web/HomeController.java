package cn.unionportal.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in is the organization tree. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/organizations";
	}
}
