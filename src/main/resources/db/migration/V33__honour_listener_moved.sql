-- The award module's listener of CompetitionTitleConferred moved from HonourRegister to
-- HonourRecording (issue 9, second pass: read side apart from write side). Spring Modulith finds a
-- publication's listener by its id (class, method, parameter types), so a publication still
-- incomplete under the old id would never be redelivered: it carries the new id from here on.
UPDATE event_publication
SET listener_id = 'cn.unionportal.award.HonourRecording.on(cn.unionportal.competition.CompetitionTitleConferred)'
WHERE listener_id = 'cn.unionportal.award.HonourRegister.on(cn.unionportal.competition.CompetitionTitleConferred)'
  AND completion_date IS NULL;
