package cn.unionportal.award;

import java.time.LocalDate;

/** What an administrator enters to open a campaign. */
public record CampaignData(Long kindId, Integer year, String title, Integer totalQuota, LocalDate nominationsUntil,
		LocalDate reviewUntil, Integer noticeDays) {
}
