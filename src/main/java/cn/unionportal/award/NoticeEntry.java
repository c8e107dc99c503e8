package cn.unionportal.award;

import java.time.LocalDate;

/** A candidate on the public notice: name, organization, honour, a deeds summary. Nothing else. */
public record NoticeEntry(long nominationId, String nomineeName, String organizationName, String kindName,
		String kindNameEn, String campaignTitle, String deedsSummary, LocalDate noticeUntil) {

	public String kindLabel(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? kindNameEn : kindName;
	}
}
