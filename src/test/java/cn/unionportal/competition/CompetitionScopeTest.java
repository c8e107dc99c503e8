package cn.unionportal.competition;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scope and role on every competition page and POST: outside the scope answers 404 like a
 * missing id, then the role check answers 403; a judge reaches only the sheets of their trades
 * (404 elsewhere) and no staff page (403); staff reach no judge page; the public pages show
 * nothing before the notice.
 */
class CompetitionScopeTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	private CompetitionFixture f;

	private long entry;

	@BeforeEach
	void competitionWithAWendengEntry() throws Exception {
		f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("DISTRICT", 5);
		entry = f.register("wendeng", f.members("文登区总工会", 1).get(0)[0]);
	}

	@Test
	void everyStaffUserSeesTheCatalogueButOnlyTheOrganizerManagesIt() throws Exception {
		String name = jdbc.queryForObject("SELECT name FROM competition WHERE id = ?", String.class, f.competition);
		String list = mvc.perform(get("/competitions").param("q", name).with(demo.as("huancui"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains(name);
		mvc.perform(get("/competitions/{id}", f.competition).with(demo.as("huancui"))).andExpect(status().isOk());
		long version = jdbc.queryForObject("SELECT version FROM competition WHERE id = ?", Long.class, f.competition);
		for (String path : new String[] { "/competitions/{id}/advance", "/competitions/{id}/notice", "/competitions/{id}/publish" }) {
			mvc.perform(post(path, f.competition).param("version", String.valueOf(version)).with(csrf())
				.with(demo.as("huancui"))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/competitions/{id}/trades/new", f.competition).with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(post("/competitions/trades/{t}/aspects", f.trade).param("part", "THEORY").param("kind", "MEASUREMENT")
			.param("name", "x").param("maxMark", "10").with(csrf()).with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(post("/competitions/trades/{t}/draw", f.trade).with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/competitions/trades/{t}/panel", f.trade).param("judgeId", "1").with(csrf())
			.with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(get("/competitions/999999999").with(demo.as("admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/competitions/trades/999999999").with(demo.as("admin"))).andExpect(status().isNotFound());
	}

	@Test
	void entriesOfAnotherScopeAnswerLikeMissingOnes() throws Exception {
		String names = jdbc.queryForObject("SELECT name FROM competition_entry_member WHERE entry_id = ?", String.class, entry);
		assertThat(mvc.perform(get("/competitions/trades/{t}", f.trade).with(demo.as("huancui"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).doesNotContain(names);
		assertThat(mvc.perform(get("/competitions/trades/{t}", f.trade).with(demo.as("wendeng"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains(names);
		mvc.perform(post("/competitions/entries/{e}/status", entry).param("version", "0").param("status", "WITHDRAWN")
			.param("reason", "x").with(csrf()).with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(post("/competitions/entries/999999999/status").param("version", "0").param("status", "WITHDRAWN")
			.param("reason", "x").with(csrf()).with(demo.as("admin"))).andExpect(status().isNotFound());
		// the registering district withdraws with a reason; only the organizer disqualifies
		mvc.perform(post("/competitions/entries/{e}/status", entry).param("version", "0").param("status", "DISQUALIFIED")
			.param("reason", "x").with(csrf()).with(demo.as("wendeng"))).andExpect(status().isForbidden());
		mvc.perform(post("/competitions/entries/{e}/status", entry).param("version", "0").param("status", "WITHDRAWN")
			.param("reason", "工作调动").with(csrf()).with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT status FROM competition_entry WHERE id = ?", String.class, entry))
			.isEqualTo("WITHDRAWN");
		// a huancui organizer can't be chosen by wendeng
		mvc.perform(post("/competitions").param("name", "越权竞赛").param("year", "2026")
			.param("organizerId", String.valueOf(demo.org("环翠区总工会"))).param("tier", "DISTRICT")
			.param("registrationOpens", "2026-01-01").param("registrationCloses", "2026-01-10")
			.param("startsOn", "2026-02-01").param("endsOn", "2026-02-02").param("venue", "x").param("noticeDays", "5")
			.with(csrf()).with(demo.as("wendeng"))).andExpect(status().isNotFound());
	}

	@Test
	void aJudgeReachesOnlyTheSheetsOfTheirTrades() throws Exception {
		String username = "judge-scope-" + System.nanoTime() % 1_000_000;
		f.judge(username, demo.org("威海市总工会"), true);
		CompetitionFixture other = new CompetitionFixture(mvc, jdbc, demo, accounts).create("ENTERPRISE", 5);
		mvc.perform(get("/competitions/judging").with(demo.as(username))).andExpect(status().isOk());
		mvc.perform(get("/competitions/judging/trades/{t}", f.trade).with(demo.as(username))).andExpect(status().isOk());
		mvc.perform(get("/competitions/judging/trades/{t}", other.trade).with(demo.as(username)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/competitions/judging/trades/{t}/entries/{e}", other.trade, entry).param("version", "0")
			.with(csrf()).with(demo.as(username))).andExpect(status().isNotFound());
		mvc.perform(post("/competitions/judging/trades/{t}/sign", other.trade).param("version", "0")
			.with(csrf()).with(demo.as(username))).andExpect(status().isNotFound());
		mvc.perform(post("/competitions/judging/trades/{t}/lock", other.trade).with(csrf()).with(demo.as(username)))
			.andExpect(status().isNotFound());
		// no staff page for a judge, no judge page for staff
		mvc.perform(get("/competitions").with(demo.as(username))).andExpect(status().isForbidden());
		mvc.perform(get("/members").with(demo.as(username))).andExpect(status().isForbidden());
		mvc.perform(get("/competitions/judging").with(demo.as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/competitions/judging/trades/{t}", f.trade).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/").with(demo.as(username))).andExpect(redirectedUrl("/competitions/judging"));
	}

	@Test
	void publicResultsShowNothingBeforeTheNotice() throws Exception {
		mvc.perform(get("/competitions/results/{id}", f.competition)).andExpect(status().isNotFound());
		mvc.perform(get("/competitions/results")).andExpect(status().isOk());
		mvc.perform(get("/competitions")).andExpect(status().is3xxRedirection());
	}

	@Test
	void judgePoolListsTheScopeOnly() throws Exception {
		String username = "judge-pool-" + System.nanoTime() % 1_000_000;
		long huancuiUnion = jdbc.queryForObject("""
				SELECT MIN(o.id) FROM organization o WHERE o.type = 'GRASSROOTS_UNION' AND o.id IN (
				    SELECT descendant_id FROM organization_closure WHERE ancestor_id = ?)""", Long.class,
				demo.org("环翠区总工会"));
		f.judge(username, huancuiUnion, false);
		assertThat(mvc.perform(get("/competitions/judges").with(demo.as("huancui"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("裁判" + username);
		assertThat(mvc.perform(get("/competitions/judges").with(demo.as("wendeng"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).doesNotContain("裁判" + username);
		mvc.perform(post("/competitions/judges").param("name", "越权裁判").param("organizationId", String.valueOf(huancuiUnion))
			.param("qualification", "q").param("trades", "t").with(csrf()).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
	}
}
