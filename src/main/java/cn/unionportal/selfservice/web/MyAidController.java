package cn.unionportal.selfservice.web;

import cn.unionportal.aid.files.HardshipFileDetails;
import cn.unionportal.aid.cases.OwnAidCases;
import cn.unionportal.selfservice.MemberPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The member's own hardship file and aid, in plain words. */
@Controller
class MyAidController {

	private final HardshipFileDetails files;

	private final OwnAidCases cases;

	MyAidController(HardshipFileDetails files, OwnAidCases cases) {
		this.files = files;
		this.cases = cases;
	}

	@GetMapping("/me/aid")
	String showMyAid(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("files", files.filesOf(me.memberId()));
		model.addAttribute("cases", cases.of(me.memberId()));
		return "me/aid";
	}
}
