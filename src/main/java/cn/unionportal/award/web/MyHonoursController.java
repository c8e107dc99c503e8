package cn.unionportal.award.web;

import cn.unionportal.award.HonourCertificates;
import cn.unionportal.award.HonourRegister;
import cn.unionportal.selfservice.MemberPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The member's own honours on the phone page {@code /me/honours} (linked from {@code /me} and the
 * member navigation), with the download of each honour's certificate (own honours only: another
 * member's answers 404). Here rather than on selfservice's {@code /me} so that selfservice does not
 * depend on award (award → competition → selfservice would close a cycle).
 */
@Controller
class MyHonoursController {

	private final HonourRegister honours;

	private final HonourCertificates certificates;

	MyHonoursController(HonourRegister honours, HonourCertificates certificates) {
		this.honours = honours;
		this.certificates = certificates;
	}

	@GetMapping("/me/honours")
	String showMyHonours(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("honours", honours.ownHonours(me.memberId()));
		return "me/honours";
	}

	@GetMapping("/me/honours/{id}/certificate.pdf")
	ResponseEntity<byte[]> downloadCertificate(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		byte[] pdf = certificates.ownCertificate(me.memberId(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("honour-certificate-" + id + ".pdf").build().toString())
			.body(pdf);
	}
}
