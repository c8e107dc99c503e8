package cn.unionportal.competition.web;

import cn.unionportal.competition.CompetitionCertificates;
import cn.unionportal.selfservice.MemberPrincipal;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Certificate PDFs: staff for the entries they see, members for their own. */
@Controller
class CertificateController {

	private final CompetitionCertificates certificates;

	CertificateController(CompetitionCertificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/competitions/entries/{entryId}/certificate")
	ResponseEntity<byte[]> downloadCertificate(CurrentUser user, @PathVariable long entryId) {
		return pdf(certificates.forEntry(user, entryId), "certificate-" + entryId + ".pdf");
	}

	@GetMapping("/me/competitions/certificates/{code}")
	ResponseEntity<byte[]> downloadMyCertificate(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String code) {
		return pdf(certificates.forMember(me.memberId(), code), "certificate-" + code + ".pdf");
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
