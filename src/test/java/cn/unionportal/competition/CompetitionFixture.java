package cn.unionportal.competition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.Demo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Builds a competition through the staff pages (as the federation admin): a municipal class I
 * final with one trade (theory: one measurement aspect of 100; practical: one judgement aspect of
 * 100), registration open today, members of the 文登 and 环翠 scopes, and judge accounts.
 */
final class CompetitionFixture {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	private final Demo demo;

	private final AccountManagement accounts;

	long competition;

	long trade;

	long theory;

	long practical;

	CompetitionFixture(MockMvc mvc, JdbcTemplate jdbc, Demo demo, AccountManagement accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.demo = demo;
		this.accounts = accounts;
	}

	CompetitionFixture create(String tier, int quota) throws Exception {
		LocalDate today = LocalDate.now(ZONE);
		String name = "测试技能大赛" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
		mvc.perform(post("/competitions").param("name", name).param("year", String.valueOf(today.getYear()))
			.param("organizerId", String.valueOf(demo.org("威海市总工会"))).param("tier", tier)
			.param("registrationOpens", today.minusDays(1).toString())
			.param("registrationCloses", today.plusDays(10).toString())
			.param("startsOn", today.plusDays(20).toString()).param("endsOn", today.plusDays(21).toString())
			.param("venue", "威海职业学院实训中心").param("noticeDays", "5")
			.with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		competition = jdbc.queryForObject("SELECT id FROM competition WHERE name = ?", Long.class, name);
		mvc.perform(post("/competitions/{id}/trades", competition).param("name", "焊工").param("theoryWeight", "20")
			.param("practicalWeight", "80").param("capacity", "60").param("minAge", "16").param("maxAge", "70")
			.param("minSkillGrade", "0").param("quotaPerOrganization", String.valueOf(quota)).param("judgeCount", "5")
			.param("trimRule", "AUTO").param("flagSpread", "15").param("tieBreaks", "PRACTICAL,TIME,THEORY")
			.param("firstCount", "1").param("firstAmount", "10000").param("firstMinEntrants", "1")
			.param("secondCount", "2").param("secondAmount", "5000").param("secondMinEntrants", "4")
			.param("thirdCount", "3").param("thirdAmount", "2000").param("thirdMinEntrants", "6")
			.with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		trade = jdbc.queryForObject("SELECT id FROM competition_trade WHERE competition_id = ?", Long.class, competition);
		aspect("理论考试", "THEORY", "MEASUREMENT");
		aspect("焊缝外观", "PRACTICAL", "JUDGEMENT");
		theory = jdbc.queryForObject("SELECT id FROM competition_aspect WHERE trade_id = ? AND part = 'THEORY'", Long.class, trade);
		practical = jdbc.queryForObject("SELECT id FROM competition_aspect WHERE trade_id = ? AND part = 'PRACTICAL'", Long.class, trade);
		advance(); // registration open
		return this;
	}

	private void aspect(String name, String part, String kind) throws Exception {
		mvc.perform(post("/competitions/trades/{id}/aspects", trade).param("name", name).param("part", part)
			.param("kind", kind).param("maxMark", "100").param("descriptors", "0 不合格 … 100 优秀")
			.with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
	}

	void advance() throws Exception {
		long version = jdbc.queryForObject("SELECT version FROM competition WHERE id = ?", Long.class, competition);
		mvc.perform(post("/competitions/{id}/advance", competition).param("version", String.valueOf(version))
			.with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
	}

	String tradeName() {
		return "焊工";
	}

	String competitionStatus() {
		return jdbc.queryForObject("SELECT status FROM competition WHERE id = ?", String.class, competition);
	}

	/** Active members of the given organization's subtree not yet entered anywhere, each of a different union. */
	List<long[]> members(String organization, int count) {
		// the first such member of each union by a window, not a correlated MIN per member: that one
		// took 2 s per call on the test database once the run had entered a few hundred members
		return jdbc.query("""
				SELECT id, organization_id FROM (
				    SELECT m.id, m.organization_id,
				        ROW_NUMBER() OVER (PARTITION BY m.organization_id ORDER BY m.id) AS n
				    FROM member m
				    WHERE m.status = 'ACTIVE' AND m.organization_id IN (
				        SELECT descendant_id FROM organization_closure WHERE ancestor_id = ?)
				    AND NOT EXISTS (SELECT 1 FROM competition_entry_member x WHERE x.member_id = m.id)) firsts
				WHERE n = 1 ORDER BY id LIMIT ?""", (rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) },
				demo.org(organization), count);
	}

	long register(String staff, long member) throws Exception {
		mvc.perform(post("/competitions/trades/{id}/entries", trade).param("memberIds", String.valueOf(member))
			.param("skillGrade", "3").with(csrf()).with(demo.as(staff))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("""
				SELECT e.id FROM competition_entry e JOIN competition_entry_member m ON m.entry_id = e.id
				WHERE e.trade_id = ? AND m.member_id = ?""", Long.class, trade, member);
	}

	/** A judge account (role JUDGE), its pool entry in the given organization, seated on the trade. */
	long judge(String username, long organizationId, boolean chief) throws Exception {
		if (!accounts.exists(username)) {
			accounts.createInitialAccount(username, "裁判" + username, organizationId, Set.of(StaffRole.JUDGE),
					Demo.PASSWORD, false);
		}
		String name = "裁判" + username;
		Long id = jdbc.query("SELECT id FROM competition_judge WHERE account_username = ?",
				rs -> rs.next() ? rs.getLong(1) : null, username);
		if (id == null) {
			mvc.perform(post("/competitions/judges").param("name", name).param("organizationId", String.valueOf(organizationId))
				.param("qualification", "国家级裁判").param("trades", "焊工").param("accountUsername", username)
				.with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
			id = jdbc.queryForObject("SELECT id FROM competition_judge WHERE account_username = ?", Long.class, username);
		}
		mvc.perform(post("/competitions/trades/{id}/panel", trade).param("judgeId", String.valueOf(id))
			.param("chief", String.valueOf(chief)).with(csrf()).with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		return id;
	}

	long sheetVersion(long judgeId) {
		return jdbc.queryForObject("SELECT version FROM competition_panel WHERE trade_id = ? AND judge_id = ?", Long.class,
				trade, judgeId);
	}

	void mark(String judge, long judgeId, long entry, String theoryMark, String practicalMark) throws Exception {
		mvc.perform(post("/competitions/judging/trades/{t}/entries/{e}", trade, entry)
			.param("version", String.valueOf(sheetVersion(judgeId))).param("mark_" + theory, theoryMark)
			.param("mark_" + practical, practicalMark).with(csrf()).with(demo.as(judge)))
			.andExpect(status().is3xxRedirection());
	}

	void sign(String judge, long judgeId) throws Exception {
		mvc.perform(post("/competitions/judging/trades/{t}/sign", trade).param("version", String.valueOf(sheetVersion(judgeId)))
			.with(csrf()).with(demo.as(judge))).andExpect(status().is3xxRedirection());
	}
}
