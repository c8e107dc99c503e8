package cn.unionportal.selfservice.web;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.selfservice.MemberPrincipal;
import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's own pages. Every page reads only the signed-in member's own records: there is no
 * id in these URLs to point at another member.
 */
@Controller
class MeController {

	private final MemberManagement members;

	private final SelfServiceManagement selfService;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	MeController(MemberManagement members, SelfServiceManagement selfService) {
		this.members = members;
		this.selfService = selfService;
	}

	@GetMapping("/me")
	String showHome(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		MemberView member = members.selfView(me.memberId());
		model.addAttribute("member", member);
		model.addAttribute("qr", QrCodes.pngDataUri(member.cardNumber(), 200));
		model.addAttribute("transfers", members.pendingTransfersOf(me.memberId()));
		return "me/home";
	}

	@GetMapping("/me/account")
	String showAccount(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("member", members.selfView(me.memberId()));
		return "me/account";
	}

	@PostMapping("/me/password")
	String changePassword(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmPassword, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			long sessionVersion = selfService.changePassword(me.memberId(), currentPassword, newPassword,
					confirmPassword);
			keepThisSession(me.withSessionVersion(sessionVersion), request, response);
			FlashMessages.success(redirect, "account.passwordChanged");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/me/account";
	}

	/** The password change ended the member's other sessions; this one carries the new stamp. */
	private void keepThisSession(MemberPrincipal updated, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(updated,
				null, updated.getAuthorities());
		authentication.setDetails(current == null ? null : current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
	}

	@PostMapping("/me/phone")
	String changePhone(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String password,
			@RequestParam(required = false) String phone, RedirectAttributes redirect) {
		try {
			selfService.changePhone(me.memberId(), password, phone);
			FlashMessages.success(redirect, "selfservice.phone.changed");
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/me/account";
	}
}
