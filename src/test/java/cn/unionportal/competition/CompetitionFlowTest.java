package cn.unionportal.competition;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A competition from creation to published results through the pages: registration by two
 * districts' staff with the portal's checks, blind marking by two judges (one mark blocked by a
 * conflict of interest), signing, the chief judge's lock, the ranking with a shared rank, prizes
 * reduced for a small field, the public notice and publication with titles, the title events,
 * the member profile and the member's own page.
 */
@RecordApplicationEvents
class CompetitionFlowTest extends PostgresIntegrationTest {

	private static final AtomicLong SEQUENCE = new AtomicLong();

	@Autowired
	AccountManagement accounts;

	@Autowired
	MemberManagement members;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	SelfServiceManagement selfService;

	@Autowired
	ApplicationEvents events;

	@Test
	void aCompetitionRunsFromRegistrationToPublishedTitles() throws Exception {
		CompetitionFixture f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("MUNICIPAL_CLASS_I", 2);
		// w1: a member of 文登 with a self-service account (to see /me later)
		long wendengUnion = jdbc.queryForObject("""
				SELECT MIN(o.id) FROM organization o WHERE o.type = 'GRASSROOTS_UNION' AND o.id IN (
				    SELECT descendant_id FROM organization_closure WHERE ancestor_id = ?)""", Long.class,
				demo.org("文登区总工会"));
		long n = SEQUENCE.incrementAndGet() + System.nanoTime() % 100_000 * 10;
		String body = "371081" + "1985" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", n % 1000);
		String idNumber = body + ResidentIdNumber.checkDigit(body);
		String phone = "1391" + String.format("%07d", n % 10_000_000);
		CurrentUser system = CurrentUser.system(organizations.rootId());
		long w1 = members.register(system, new MemberData("竞赛金牌", null, DocumentType.RESIDENT_ID, idNumber, null,
				phone, EmploymentType.ON_THE_JOB, wendengUnion, LocalDate.of(2015, 3, 1)));
		String card = members.selfView(w1).cardNumber();
		selfService.activate(new SelfServiceManagement.Activation(card, idNumber, phone, "Member-pass-1", "Member-pass-1"),
				"10.9.9." + n % 250);
		long[] w2 = f.members("文登区总工会", 3).stream().filter(m -> m[1] != wendengUnion).findFirst().orElseThrow();
		List<long[]> huancui = f.members("环翠区总工会", 2);

		long e1 = f.register("wendeng", w1);
		long e2 = f.register("wendeng", w2[0]);
		long e3 = f.register("huancui", huancui.get(0)[0]);
		long e4 = f.register("huancui", huancui.get(1)[0]);

		// a third entry of 文登 exceeds its quota of 2; a duplicate is refused; another scope's member is 404
		long[] w3 = f.members("文登区总工会", 1).get(0);
		mvc.perform(post("/competitions/trades/{t}/entries", f.trade).param("memberIds", String.valueOf(w3[0]))
			.with(csrf()).with(demo.as("wendeng"))).andExpect(flash().attribute("flashError", "competition.entry.error.quota"));
		mvc.perform(post("/competitions/trades/{t}/entries", f.trade).param("memberIds", String.valueOf(w1))
			.with(csrf()).with(demo.as("admin"))).andExpect(flash().attribute("flashError", "competition.entry.error.oneTrade"));
		mvc.perform(post("/competitions/trades/{t}/entries", f.trade).param("memberIds", String.valueOf(w3[0]))
			.with(csrf()).with(demo.as("huancui"))).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_entry WHERE trade_id = ?", Long.class, f.trade))
			.isEqualTo(4);

		// each district sees its own entries by name; the organizer sees all
		String wendengPage = mvc.perform(get("/competitions/{id}", f.competition).with(demo.as("wendeng")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String huancuiName = jdbc.queryForObject("SELECT name FROM competition_entry_member WHERE entry_id = ?", String.class, e3);
		assertThat(wendengPage).contains("竞赛金牌").doesNotContain(huancuiName);
		assertThat(mvc.perform(get("/competitions/trades/{t}", f.trade).with(demo.as("admin"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("竞赛金牌", huancuiName);

		f.advance(); // registration closed
		f.advance(); // in progress
		long j1 = f.judge("judge-flow-a" + n, wendengUnion, false); // same union as w1: conflict
		long j2 = f.judge("judge-flow-b" + n, demo.org("威海市总工会"), true);
		String judge1 = "judge-flow-a" + n;
		String judge2 = "judge-flow-b" + n;

		// blind sheet: codes, never names; the conflicted row is recused
		String code1 = jdbc.queryForObject("SELECT contestant_code FROM competition_entry WHERE id = ?", String.class, e1);
		String sheet = mvc.perform(get("/competitions/judging/trades/{t}", f.trade).with(demo.as(judge1)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(sheet).contains(code1).doesNotContain("竞赛金牌").doesNotContain(huancuiName);

		mvc.perform(post("/competitions/judging/trades/{t}/entries/{e}", f.trade, e1)
			.param("version", String.valueOf(f.sheetVersion(j1))).param("mark_" + f.theory, "50")
			.param("mark_" + f.practical, "50").with(csrf()).with(demo.as(judge1)))
			.andExpect(flash().attribute("flashError", "competition.mark.error.conflict"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE judge_id = ? AND entry_id = ?", Long.class,
				j1, e1)).isZero();
		// a mark out of range is refused and nothing is saved
		mvc.perform(post("/competitions/judging/trades/{t}/entries/{e}", f.trade, e2)
			.param("version", String.valueOf(f.sheetVersion(j1))).param("mark_" + f.theory, "120")
			.param("mark_" + f.practical, "50").with(csrf()).with(demo.as(judge1)))
			.andExpect(flash().attribute("flashError", "competition.mark.error.range"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE judge_id = ?", Long.class, j1)).isZero();

		f.mark(judge1, j1, e2, "80", "80");
		f.mark(judge1, j1, e3, "80", "80");
		f.mark(judge1, j1, e4, "70", "70");
		f.mark(judge2, j2, e1, "90", "95");
		f.mark(judge2, j2, e2, "80", "80");
		f.mark(judge2, j2, e3, "80", "80");
		f.mark(judge2, j2, e4, "70", "70");

		// the chief cannot lock before every sheet is signed
		mvc.perform(post("/competitions/judging/trades/{t}/lock", f.trade).with(csrf()).with(demo.as(judge2)))
			.andExpect(flash().attribute("flashError", "competition.mark.error.unsignedSheets"));
		f.sign(judge1, j1);
		f.sign(judge2, j2);
		// a signed sheet takes no more marks
		mvc.perform(post("/competitions/judging/trades/{t}/entries/{e}", f.trade, e2)
			.param("version", String.valueOf(f.sheetVersion(j1))).param("mark_" + f.theory, "10")
			.with(csrf()).with(demo.as(judge1))).andExpect(flash().attribute("flashError", "competition.mark.error.locked"));
		// an ordinary judge cannot lock
		mvc.perform(post("/competitions/judging/trades/{t}/lock", f.trade).with(csrf()).with(demo.as(judge1)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/competitions/judging/trades/{t}/lock", f.trade).with(csrf()).with(demo.as(judge2)))
			.andExpect(flash().attribute("flashSuccess", "competition.mark.tradeLocked"));

		// ranks 1, 2, 2, 4; 4 entrants: first and second prizes, no third (needs 6)
		assertThat(rank(e1)).isEqualTo(1);
		assertThat(rank(e2)).isEqualTo(2);
		assertThat(rank(e3)).isEqualTo(2);
		assertThat(rank(e4)).isEqualTo(4);
		assertThat(jdbc.queryForObject("SELECT total_score FROM competition_entry WHERE id = ?", java.math.BigDecimal.class, e1))
			.isEqualByComparingTo("94.00");
		assertThat(jdbc.queryForList("SELECT prize FROM competition_entry WHERE trade_id = ? ORDER BY id", Integer.class, f.trade))
			.containsExactly(1, 2, 2, null);

		f.advance(); // scoring
		long version = jdbc.queryForObject("SELECT version FROM competition WHERE id = ?", Long.class, f.competition);
		mvc.perform(post("/competitions/{id}/notice", f.competition).param("version", String.valueOf(version))
			.with(csrf()).with(demo.as("admin"))).andExpect(flash().attribute("flashSuccess", "competition.noticeStarted"));
		assertThat(f.competitionStatus()).isEqualTo("NOTICE");

		// the public page: names, organizations, ranks and prizes; no ID or phone
		String publicPage = mvc.perform(get("/competitions/results/{id}", f.competition)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(publicPage).contains("竞赛金牌", "一等奖", "二等奖").doesNotContain(idNumber).doesNotContain(phone)
			.doesNotContain(idNumber.substring(0, 6) + "*");

		// an objection blocks publication until resolved; the notice period must end first
		mvc.perform(post("/competitions/{id}/objections", f.competition).param("content", "对焊工第 2 名成绩有疑问")
			.with(csrf()).with(demo.as("huancui"))).andExpect(status().is3xxRedirection());
		version = jdbc.queryForObject("SELECT version FROM competition WHERE id = ?", Long.class, f.competition);
		mvc.perform(post("/competitions/{id}/publish", f.competition).param("version", String.valueOf(version))
			.with(csrf()).with(demo.as("admin"))).andExpect(flash().attribute("flashError", "competition.error.noticeRunning"));
		jdbc.update("UPDATE competition SET notice_ends = ? WHERE id = ?", LocalDate.now(CompetitionFixture.ZONE), f.competition);
		mvc.perform(post("/competitions/{id}/publish", f.competition).param("version", String.valueOf(version))
			.with(csrf()).with(demo.as("admin"))).andExpect(flash().attribute("flashError", "competition.error.openObjections"));
		long objection = jdbc.queryForObject("SELECT id FROM competition_objection WHERE competition_id = ?", Long.class, f.competition);
		mvc.perform(post("/competitions/{id}/objections/{o}/resolve", f.competition, objection).param("version", "0")
			.param("resolution", "经复核成绩无误").with(csrf()).with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/competitions/{id}/publish", f.competition).param("version", String.valueOf(version))
			.with(csrf()).with(demo.as("admin"))).andExpect(flash().attribute("flashSuccess", "competition.published"));

		assertThat(jdbc.queryForObject("SELECT titles FROM competition_entry WHERE id = ?", String.class, e1))
			.isEqualTo("WEIHAI_GOLD_MEDAL_WORKER,WEIHAI_TECHNICAL_EXPERT");
		assertThat(jdbc.queryForObject("SELECT promotion FROM competition_entry WHERE id = ?", Boolean.class, e1)).isTrue();
		assertThat(events.stream(CompetitionTitleConferred.class).filter(e -> e.competitionId() == f.competition))
			.extracting(CompetitionTitleConferred::memberId, CompetitionTitleConferred::honourKindCode)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(w1, "WEIHAI_GOLD_MEDAL_WORKER"),
					org.assertj.core.groups.Tuple.tuple(w1, "WEIHAI_TECHNICAL_EXPERT"));

		// the certificate: PDF with the winner's name and title; /verify shows the name masked
		byte[] pdf = mvc.perform(get("/competitions/entries/{e}/certificate", e1).with(demo.as("wendeng")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("竞赛金牌", "威海市金牌职工");
		}
		mvc.perform(get("/competitions/entries/{e}/certificate", e1).with(demo.as("huancui"))).andExpect(status().isNotFound());
		String code = jdbc.queryForObject("SELECT certificate_code FROM competition_entry WHERE id = ?", String.class, e1);
		assertThat(mvc.perform(get("/verify/{code}", code)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("竞**牌", "威海市金牌职工").doesNotContain("竞赛金牌");

		// the member profile (staff) and the member's own page
		assertThat(mvc.perform(get("/members/{id}", w1).with(demo.as("wendeng"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains(f.tradeName(), "威海市金牌职工");
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(card).password("Member-pass-1"))
			.andReturn().getRequest().getSession();
		assertThat(mvc.perform(get("/me/competitions").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("威海市金牌职工", "第 1 名");
		assertThat(mvc.perform(get("/me/competitions/certificates/{code}", code).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentType()).isEqualTo("application/pdf");
		String other = jdbc.queryForObject("SELECT certificate_code FROM competition_entry WHERE id = ?", String.class, e2);
		mvc.perform(get("/me/competitions/certificates/{code}", other).session(session)).andExpect(status().isNotFound());
	}

	private Integer rank(long entry) {
		return jdbc.queryForObject("SELECT ranking FROM competition_entry WHERE id = ?", Integer.class, entry);
	}
}
