package cn.unionportal.shared.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * What a certificate says. Texts are final (already in the certificate's language); the frame,
 * the verification line and the QR code are added by {@link CertificatePdf}.
 *
 * @param heading e.g. 荣誉证书
 * @param holder the holder's full name (on the certificate itself, not masked)
 * @param lines the body, one paragraph a line (e.g. the competition, the trade, the rank, the title)
 * @param issuer the issuing organization (its name, printed above the date)
 * @param code the normalized verification code (see {@link CertificateCodes})
 */
public record CertificateContent(String heading, String holder, List<String> lines, String issuer, LocalDate issuedOn,
		String code) {

	public CertificateContent {
		lines = List.copyOf(lines);
	}
}
