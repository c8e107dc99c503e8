package cn.unionportal.aid.lookup;

import cn.unionportal.aid.files.HardshipTier;

import java.time.LocalDate;

/**
 * One household on the public notice (公示): the worker's masked name, the organization, the tier
 * and the notice period. Nothing else about the household leaves the module for the public page.
 */
public record PublicNoticeEntry(String maskedName, String organizationName, HardshipTier tier, LocalDate noticeStart,
		LocalDate noticeEnd) {
}
