package cn.unionportal.competition;

import java.util.ArrayList;
import java.util.List;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.support.Concurrently;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * On PostgreSQL: concurrent clicks on "register" make one entry (and the database itself refuses
 * a second one); concurrent registrations of different members never exceed the quota; two judges
 * saving at once both keep their marks, and one judge's double submit saves once.
 */
class CompetitionConcurrencyTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Test
	void doubleClicksRegisterOnceAndTheQuotaHolds() throws Exception {
		CompetitionFixture f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("DISTRICT", 2);
		long member = f.members("文登区总工会", 1).get(0)[0];
		List<RequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			clicks.add(post("/competitions/trades/{t}/entries", f.trade).param("memberIds", String.valueOf(member))
				.with(csrf()).with(demo.as("wendeng")));
		}
		assertThat(Concurrently.statuses(mvc, clicks)).containsOnly(302);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_entry_member WHERE competition_id = ?", Long.class,
				f.competition)).isEqualTo(1);
		long entry = jdbc.queryForObject("SELECT entry_id FROM competition_entry_member WHERE member_id = ? AND competition_id = ?",
				Long.class, member, f.competition);
		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
				SELECT entry_id, member_id, competition_id, organization_id, name, slot FROM competition_entry_member
				WHERE entry_id = ?""", entry)).isInstanceOf(DataIntegrityViolationException.class);

		List<RequestBuilder> others = new ArrayList<>();
		for (long[] m : f.members("文登区总工会", 4)) {
			others.add(post("/competitions/trades/{t}/entries", f.trade).param("memberIds", String.valueOf(m[0]))
				.with(csrf()).with(demo.as("wendeng")));
		}
		Concurrently.statuses(mvc, others);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_entry WHERE trade_id = ? AND status = 'ACTIVE'",
				Long.class, f.trade)).isEqualTo(2);
	}

	@Test
	void twoJudgesSavingAtOnceLoseNothingAndADoubleSubmitSavesOnce() throws Exception {
		CompetitionFixture f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("ENTERPRISE", 5);
		long entry = f.register("huancui", f.members("环翠区总工会", 1).get(0)[0]);
		f.advance();
		f.advance(); // in progress
		long suffix = System.nanoTime() % 1_000_000;
		long a = f.judge("judge-conc-a" + suffix, demo.org("威海市总工会"), true);
		long b = f.judge("judge-conc-b" + suffix, demo.org("文登区总工会"), false);
		List<RequestBuilder> saves = List.of(
				post("/competitions/judging/trades/{t}/entries/{e}", f.trade, entry).param("version", "0")
					.param("mark_" + f.theory, "81").param("mark_" + f.practical, "82").with(csrf())
					.with(demo.as("judge-conc-a" + suffix)),
				post("/competitions/judging/trades/{t}/entries/{e}", f.trade, entry).param("version", "0")
					.param("mark_" + f.theory, "91").param("mark_" + f.practical, "92").with(csrf())
					.with(demo.as("judge-conc-b" + suffix)),
				post("/competitions/judging/trades/{t}/entries/{e}", f.trade, entry).param("version", "0")
					.param("mark_" + f.theory, "71").param("mark_" + f.practical, "72").with(csrf())
					.with(demo.as("judge-conc-b" + suffix)));
		Concurrently.statuses(mvc, saves);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE entry_id = ? AND judge_id = ?", Long.class,
				entry, a)).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE entry_id = ? AND judge_id = ?", Long.class,
				entry, b)).isEqualTo(2);
		// judge b's two submits of the same sheet version: exactly one saved, the sheet moved on once
		assertThat(f.sheetVersion(b)).isEqualTo(1);
		assertThat(jdbc.queryForList("SELECT mark FROM competition_mark WHERE entry_id = ? AND judge_id = ? ORDER BY aspect_id",
				java.math.BigDecimal.class, entry, b).stream().map(java.math.BigDecimal::intValue).toList())
			.isIn(List.of(91, 92), List.of(71, 72));
	}
}
