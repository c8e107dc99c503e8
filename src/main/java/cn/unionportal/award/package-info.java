/**
 * Awards and honours (劳模、工匠、五一劳动奖章、优秀职工, issue 11): the honour catalogue, selection
 * campaigns with quotas and structure constraints, nominations from below with their review
 * rounds, public notice and objections, conferral, and the shared honour register (荣誉档案) that
 * also records the titles competitions confer
 * ({@link cn.unionportal.competition.CompetitionTitleConferred}, the only competition type used
 * here). Benefits that follow an honour are granted through the benefits module's public API
 * (source AWARD).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awards and honours")
package cn.unionportal.award;
