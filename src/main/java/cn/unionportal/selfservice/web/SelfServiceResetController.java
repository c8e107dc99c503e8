package cn.unionportal.selfservice.web;

import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff reset a member's self-service activation from the member's profile. */
@Controller
class SelfServiceResetController {

	private final SelfServiceManagement selfService;

	SelfServiceResetController(SelfServiceManagement selfService) {
		this.selfService = selfService;
	}

	@PostMapping("/members/{id}/self-service/reset")
	String resetActivation(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		selfService.resetActivation(user, id);
		FlashMessages.success(redirect, "selfservice.profile.resetDone");
		return "redirect:/members/" + id;
	}
}
