package cn.unionportal.award.web;

import java.time.LocalDate;

import cn.unionportal.award.CampaignData;
import org.springframework.format.annotation.DateTimeFormat;

/** The form that opens a campaign. */
record CampaignForm(Long kindId, Integer year, String title, Integer totalQuota,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nominationsUntil,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewUntil, Integer noticeDays) {

	CampaignData data() {
		return new CampaignData(kindId, year, title, totalQuota, nominationsUntil, reviewUntil, noticeDays);
	}
}
