package cn.unionportal.award.web;

import cn.unionportal.award.HonourRegister;
import cn.unionportal.selfservice.MemberPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's own honours on the phone page {@code /me/honours} (linked from {@code /me} and the
 * member navigation). Here rather than on selfservice's {@code /me} so that selfservice does not
 * depend on award (award → competition → selfservice would close a cycle).
 */
@Controller
class MyHonoursController {

	private final HonourRegister honours;

	MyHonoursController(HonourRegister honours) {
		this.honours = honours;
	}

	@GetMapping("/me/honours")
	String showMyHonours(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("honours", honours.ownHonours(me.memberId()));
		return "me/honours";
	}
}
