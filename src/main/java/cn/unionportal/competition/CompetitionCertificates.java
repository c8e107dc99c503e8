package cn.unionportal.competition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.certificate.CertificateContent;
import cn.unionportal.shared.certificate.CertificatePdf;
import cn.unionportal.shared.certificate.CertificateVerifier;
import cn.unionportal.shared.certificate.VerifiedCertificate;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Competition certificates: the PDF (shared kit: embedded CJK font, verification code, QR code
 * to /verify/{code}) for prize winners once the results are published, downloaded by staff who
 * see the entry and by the member on /me; and the {@link CertificateVerifier} behind the public
 * /verify page (masked name, title, competition, date). Certificates are worded in Chinese, the
 * language they are conferred in.
 */
@Component
public class CompetitionCertificates implements CertificateVerifier {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final CompetitionResults results;

	private final EntryLists entries;

	private final OrganizationManagement organizations;

	private final CertificatePdf pdf;

	private final MessageSource messages;

	CompetitionCertificates(CompetitionResults results, EntryLists entries, OrganizationManagement organizations,
			CertificatePdf pdf, MessageSource messages) {
		this.results = results;
		this.entries = entries;
		this.organizations = organizations;
		this.pdf = pdf;
		this.messages = messages;
	}

	@Override
	public Optional<VerifiedCertificate> verify(String normalizedCode) {
		return results.certificate(normalizedCode).map(c -> new VerifiedCertificate(masked(c.memberNames()), title(c),
				c.year() + " " + c.competitionName() + " · " + c.tradeName(), organizer(c), c.publishedOn(), false));
	}

	/** The certificate of an entry the staff user sees (404 outside their reach or without one). */
	public byte[] forEntry(CurrentUser user, long entryId) {
		entries.entry(user, entryId); // scope: 404 like a missing entry
		String code = results.certificateCodeOf(entryId);
		return render(results.certificate(code).orElseThrow(() -> new NotFoundException("certificate", entryId)));
	}

	/** The member's own certificate (404 for a code of someone else's). */
	public byte[] forMember(long memberId, String code) {
		CompetitionResults.Certificate c = results.certificate(code)
			.filter(found -> found.memberIds().contains(memberId))
			.orElseThrow(() -> new NotFoundException("certificate", code));
		return render(c);
	}

	private byte[] render(CompetitionResults.Certificate c) {
		List<String> lines = new ArrayList<>();
		lines.add(messages.getMessage("competition.certificate.line", new Object[] { c.year(), c.competitionName(),
				c.tradeName() }, CHINESE));
		if (c.rank() != null) {
			lines.add(messages.getMessage("competition.profile.rank", new Object[] { c.rank() }, CHINESE)
					+ (c.prize() == null ? "" : "，" + messages.getMessage("competition.prize." + c.prize(), null, CHINESE)));
		}
		for (String title : c.titles()) {
			lines.add(messages.getMessage("competition.certificate.title", new Object[] {
					messages.getMessage("competition.title." + title, null, CHINESE) }, CHINESE));
		}
		return pdf.render(new CertificateContent(messages.getMessage("competition.certificate.heading", null, CHINESE),
				c.memberNames(), lines, organizer(c), c.publishedOn(), c.code()));
	}

	private String title(CompetitionResults.Certificate c) {
		List<String> parts = new ArrayList<>();
		if (c.prize() != null) {
			parts.add(messages.getMessage("competition.prize." + c.prize(), null, CHINESE));
		}
		c.titles().forEach(t -> parts.add(messages.getMessage("competition.title." + t, null, CHINESE)));
		return String.join("、", parts);
	}

	private String organizer(CompetitionResults.Certificate c) {
		return organizations.namesOf(List.of(c.organizerId())).getOrDefault(c.organizerId(), "");
	}

	private static String masked(String names) {
		return String.join("、", java.util.Arrays.stream(names.split("、")).map(Masking::name).toList());
	}
}
