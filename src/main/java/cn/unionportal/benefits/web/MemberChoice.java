package cn.unionportal.benefits.web;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;

/** The "whom?" step of the enrol and grant forms when no member was given. */
final class MemberChoice {

	private static final int LIMIT = 20;

	private MemberChoice() {
	}

	static String show(MemberManagement members, CurrentUser user, String q, String target, String titleKey,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("target", target);
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("candidates", q == null || q.isBlank() ? java.util.List.of()
				: members.search(user, new MemberQuery(q, null, null, MemberStatus.ACTIVE, null), PageRequest.of(0, LIMIT))
					.getContent());
		return "benefits/choose-member";
	}
}
