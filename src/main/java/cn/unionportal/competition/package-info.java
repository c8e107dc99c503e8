/**
 * Skills competitions (职工技能竞赛): competitions, trades, entries, blind multi-judge scoring,
 * rankings, prizes, titles and certificates. Titles conferred here are published as
 * {@link cn.unionportal.competition.CompetitionTitleConferred} for the award module's honour
 * register.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills competitions")
package cn.unionportal.competition;
