package cn.unionportal.award;

import java.util.List;
import java.util.Optional;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.certificate.CertificateContent;
import cn.unionportal.shared.certificate.CertificatePdf;
import cn.unionportal.shared.certificate.CertificateVerifier;
import cn.unionportal.shared.certificate.VerifiedCertificate;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of honours conferred by campaigns or entered by staff: the PDF (shared kit: CJK
 * font, verification code, QR code) and the answer of the public {@code /verify/{code}} page.
 * Titles from competitions carry the competition's own certificate, verified by that module.
 */
@Service
@Transactional(readOnly = true)
public class HonourCertificates implements CertificateVerifier {

	private final JdbcClient jdbc;

	private final HonourRegister register;

	private final OrganizationManagement organizations;

	private final CertificatePdf pdf;

	HonourCertificates(JdbcClient jdbc, HonourRegister register, OrganizationManagement organizations,
			CertificatePdf pdf) {
		this.jdbc = jdbc;
		this.register = register;
		this.organizations = organizations;
		this.pdf = pdf;
	}

	private record Issued(HonourView honour, String issuedFor, String issuer) {
	}

	private Optional<Issued> issued(String code) {
		return jdbc.sql("""
				SELECT h.id, c.title, c.organization_id FROM honour h LEFT JOIN award_campaign c ON c.id = h.campaign_id
				WHERE h.certificate_code = :code AND h.source <> 'COMPETITION'
				""").param("code", code)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class) })
			.optional()
			.flatMap(row -> register.find((Long) row[0]).map(h -> {
				long issuer = row[2] == null ? organizations.rootId() : (Long) row[2];
				return new Issued(h, row[1] == null ? h.reference() : (String) row[1],
						organizations.namesOf(List.of(issuer)).get(issuer));
			}));
	}

	@Override
	public Optional<VerifiedCertificate> verify(String normalizedCode) {
		return issued(normalizedCode).map(i -> new VerifiedCertificate(
				i.honour().memberId() == null ? i.honour().holderName() : Masking.name(i.honour().holderName()),
				i.honour().kindName(), i.issuedFor(), i.issuer(), i.honour().conferredOn(), !i.honour().isActive()));
	}

	/** The certificate PDF of an honour of the user's scope. */
	public byte[] certificate(CurrentUser user, long honourId) {
		return render(register.honour(user, honourId));
	}

	/** The certificate PDF of one of the member's own honours (self-service). */
	public byte[] ownCertificate(long memberId, long honourId) {
		HonourView honour = register.find(honourId).filter(h -> h.memberId() != null && h.memberId() == memberId)
			.orElseThrow(() -> new NotFoundException("honour", honourId));
		return render(honour);
	}

	private byte[] render(HonourView honour) {
		if (!honour.hasCertificate()) {
			throw new NotFoundException("certificate", honour.id());
		}
		Issued issued = issued(honour.certificateCode()).orElseThrow(() -> new NotFoundException("certificate", honour.id()));
		return pdf.render(new CertificateContent("荣誉证书", honour.holderName(),
				List.of(issued.issuedFor(), "被授予“" + honour.kindName() + "”荣誉称号。", honour.reference()),
				issued.issuer(), honour.conferredOn(), honour.certificateCode()));
	}

}
