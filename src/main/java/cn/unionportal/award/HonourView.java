package cn.unionportal.award;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/** An honour in the register. */
public record HonourView(long id, long kindId, String kindName, String kindNameEn, HonourLevel level, Long memberId,
		long organizationId, String holderName, int year, LocalDate conferredOn, HonourSource source,
		String reference, String certificateCode, HonourStatus status, String revokedReason, String revokedDocument,
		LocalDate revokedOn, boolean deceased, boolean listed, YearMonth allowanceFrom, long version) {

	public String kindLabel(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? kindNameEn : kindName;
	}

	public boolean isActive() {
		return status == HonourStatus.ACTIVE;
	}

	/** Whether the portal issues this honour's certificate (competition titles carry the competition's own). */
	public boolean hasCertificate() {
		return certificateCode != null && source != HonourSource.COMPETITION && isActive();
	}
}
