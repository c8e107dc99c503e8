package cn.unionportal.selfservice.web;

import cn.unionportal.aid.HardshipFileManagement;
import cn.unionportal.selfservice.MemberPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The member's own hardship file and aid, in plain words. */
@Controller
class MyAidController {

	private final HardshipFileManagement files;

	MyAidController(HardshipFileManagement files) {
		this.files = files;
	}

	@GetMapping("/me/aid")
	String showMyAid(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("files", files.filesOf(me.memberId()));
		return "me/aid";
	}
}
