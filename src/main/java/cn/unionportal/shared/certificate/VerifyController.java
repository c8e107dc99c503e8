package cn.unionportal.shared.certificate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import cn.unionportal.shared.limits.AttemptLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page of certificates ({@code /verify}, and {@code /verify/{code}} as
 * printed in the QR code). It asks every {@link CertificateVerifier}; an unknown or malformed code
 * gets one neutral answer that says nothing more. Lookups that find nothing are limited per
 * address ({@code portal.certificates.misses-per-address} per hour), so codes cannot be trawled.
 */
@Controller
class VerifyController {

	static final String MISSES = "certificate-miss";

	private final List<CertificateVerifier> verifiers;

	private final AttemptLimits limits;

	private final int missesPerAddress;

	VerifyController(List<CertificateVerifier> verifiers, AttemptLimits limits,
			@Value("${portal.certificates.misses-per-address:30}") int missesPerAddress) {
		this.verifiers = verifiers;
		this.limits = limits;
		this.missesPerAddress = missesPerAddress;
	}

	@GetMapping("/verify")
	String form(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (code == null || code.isBlank()) {
			model.addAttribute("code", "");
			return "verify";
		}
		return verify(code, request, response, model);
	}

	@GetMapping("/verify/{code}")
	String verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		Optional<String> normalized = CertificateCodes.normalize(code);
		model.addAttribute("code", normalized.map(CertificateCodes::display).orElse(typed(code)));
		Optional<VerifiedCertificate> found = normalized.flatMap(this::find);
		if (found.isPresent()) {
			model.addAttribute("certificate", found.get());
			return "verify";
		}
		if (limits.tryAcquire(new AttemptLimits.Limit(MISSES, request.getRemoteAddr(), missesPerAddress,
				Duration.ofHours(1))).isEmpty()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", "certificate.verify.tooMany");
			return "verify";
		}
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("error", "certificate.verify.unknown");
		return "verify";
	}

	private Optional<VerifiedCertificate> find(String code) {
		for (CertificateVerifier verifier : verifiers) {
			Optional<VerifiedCertificate> found = verifier.verify(code);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static String typed(String code) {
		String text = code == null ? "" : code.strip();
		return text.length() <= 20 ? text : text.substring(0, 20);
	}
}
