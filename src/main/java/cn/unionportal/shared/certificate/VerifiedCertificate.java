package cn.unionportal.shared.certificate;

import java.time.LocalDate;

/**
 * What the public verification page shows of a certificate: the holder's name masked, the title,
 * what it was issued for and by whom, the date. Nothing of ID numbers or phones.
 *
 * @param holderMasked the holder's name with all but the surname masked (e.g. 王**), or a
 *        collective's full name
 * @param title the title or prize, in the language it was conferred (Chinese)
 * @param issuedFor the competition or campaign, e.g. 2025年威海市职工职业技能大赛 · 焊工
 * @param issuer the organization that issued it
 * @param revoked whether the certificate has since been revoked
 */
public record VerifiedCertificate(String holderMasked, String title, String issuedFor, String issuer, LocalDate issuedOn,
		boolean revoked) {
}
