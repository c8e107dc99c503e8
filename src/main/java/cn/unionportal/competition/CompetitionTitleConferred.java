package cn.unionportal.competition;

import java.time.LocalDate;

/**
 * A competition conferred a title on a member (e.g. first place in a trade of a municipal class I
 * final: 威海市金牌职工 and 威海市技术能手, one event per title). Published when the results are
 * published; the award module's honour register listens and records the honour (source
 * COMPETITION), so a member's honours live in one register.
 *
 * @param honourKindCode the catalogue code of the honour: {@code WEIHAI_GOLD_MEDAL_WORKER},
 *        {@code WEIHAI_TECHNICAL_EXPERT} or {@code DISTRICT_TECHNICAL_EXPERT}
 * @param organizationId the member's grassroots union when the title was conferred
 * @param certificateCode the verification code of the competition certificate (on /verify/{code})
 */
public record CompetitionTitleConferred(long memberId, long organizationId, String honourKindCode, long competitionId,
		String competitionName, String tradeName, int year, LocalDate conferredOn, String certificateCode) {
}
