package cn.unionportal.award;

import java.math.BigDecimal;
import java.util.Locale;

/** A kind of honour in the catalogue, with the benefits that follow it. */
public record HonourKindView(long id, String code, String name, String nameEn, HonourLevel level, Recipient recipient,
		Long prerequisiteId, String prerequisiteName, int repeatAfterYears, boolean healthCheck,
		boolean recuperationLeave, BigDecimal monthlyAllowance, Integer allowanceFromAge, boolean active,
		long version) {

	/** The name in the reader's language (Chinese unless English is asked for). */
	public String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	public boolean isCollective() {
		return recipient == Recipient.COLLECTIVE;
	}
}
