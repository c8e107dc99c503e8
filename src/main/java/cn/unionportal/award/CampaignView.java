package cn.unionportal.award;

import java.time.LocalDate;

/** A selection campaign. */
public record CampaignView(long id, long kindId, String kindName, String kindNameEn, boolean collective, int year,
		String title, long organizationId, String organizationName, int totalQuota, CampaignStatus status,
		LocalDate nominationsUntil, LocalDate reviewUntil, int noticeDays, LocalDate noticeFrom, LocalDate noticeUntil,
		String decisionNumber, LocalDate conferredOn, long version) {

	public String kindLabel(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? kindNameEn : kindName;
	}
}
