package cn.unionportal.competition;

import java.io.ByteArrayOutputStream;
import java.util.List;

import java.time.LocalDate;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the competition list and detail pages show, row by row: the catalogue with its filters,
 * a competition's and a trade's entries (paged, the other district's rows absent, no ID
 * numbers), the entry form's candidates (masked ID numbers), the judge pool by scope, a judge's
 * assignments and blind sheet, and the public pages (nothing before the notice).
 */
class CompetitionPagesTest extends PostgresIntegrationTest {

	private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

	@Autowired
	AccountManagement accounts;

	@Autowired
	MemberManagement members;

	@Autowired
	OrganizationManagement organizations;

	private CompetitionFixture f;

	private String name;

	@BeforeEach
	void competitionWithEntriesOfTwoDistricts() throws Exception {
		f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("DISTRICT", 60);
		name = jdbc.queryForObject("SELECT name FROM competition WHERE id = ?", String.class, f.competition);
	}

	@Test
	void theCatalogueListsCompetitionsWithOrganizerAndStatusAndFilters() throws Exception {
		Document page = page("/competitions?q=" + name, "huancui");
		assertThat(page.select("table tbody tr")).hasSize(1);
		assertThat(page.select("table tbody tr").text()).contains(name, "威海市总工会", "报名中", "区（市）级竞赛");
		assertThat(page.select("table tbody tr a").attr("href")).isEqualTo("/competitions/" + f.competition);
		assertThat(page("/competitions?q=" + name + "&year=1999", "huancui").select("table tbody tr")).isEmpty();
		assertThat(page("/competitions?q=没有这样的竞赛", "huancui").text()).contains("没有符合条件的竞赛");
	}

	@Test
	void entriesArePagedAndOtherDistrictsRowsAreAbsent() throws Exception {
		long union = unionUnder("文登区总工会");
		CurrentUser system = CurrentUser.system(organizations.rootId());
		List<Long> wendeng = new java.util.ArrayList<>();
		for (int i = 0; i < 52; i++) {
			wendeng.add(register(system, "分页选手" + i, "1990", union));
		}
		long huancui = f.members("环翠区总工会", 1).get(0)[0];
		String[][] rows = wendeng.stream().map(m -> new String[] { card(m), "2" }).toArray(String[][]::new);
		mvc.perform(multipart("/competitions/trades/{t}/entries/import", f.trade)
			.file(new MockMultipartFile("file", "entries.xlsx", "application/octet-stream", xlsx(rows))).with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isOk());
		f.register("huancui", huancui);
		String huancuiName = memberName(huancui);
		String wendengName = memberName(wendeng.get(0));

		Document first = page("/competitions/trades/" + f.trade, "wendeng");
		assertThat(first.select("#entries tbody tr")).hasSize(50);
		assertThat(first.text()).contains("第 1 / 2 页").doesNotContain(huancuiName);
		Document second = page("/competitions/trades/" + f.trade + "?page=1", "wendeng");
		assertThat(second.select("#entries tbody tr")).hasSize(2);
		assertThat(first.select("#entries").text() + second.select("#entries").text()).contains(wendengName);
		assertThat(page("/competitions/trades/" + f.trade + "?page=1", "admin").select("#entries tbody tr")).hasSize(3);

		Document huancuiView = page("/competitions/" + f.competition, "huancui");
		assertThat(huancuiView.select("table").get(1).select("tbody tr")).hasSize(1);
		assertThat(huancuiView.text()).contains(huancuiName, "焊工", "环翠区总工会").doesNotContain(wendengName);
		assertThat(huancuiView.select("table").get(0).text()).contains("焊工", "53 / 60 人");
		assertThat(huancuiView.html()).doesNotContain(idMasked(huancui)); // entries carry names, never ID numbers
	}

	@Test
	void entriesBeforeTheRankingAreListedByNameInPinyinOrder() throws Exception {
		long union = unionUnder("文登区总工会");
		CurrentUser system = CurrentUser.system(organizations.rootId());
		// registered in this order; pinyin order (单 read shàn, 曾 read zēng as surnames): 安 白 单 曾 张
		for (String person : List.of("张序甲", "曾序乙", "单序丙", "白序丁", "安序戊")) {
			long member = register(system, person, "1991", union);
			f.register("wendeng", member);
		}

		String listed = page("/competitions/trades/" + f.trade, "wendeng").select("#entries tbody").text();
		List<Integer> positions = List.of("安序戊", "白序丁", "单序丙", "曾序乙", "张序甲").stream().map(listed::indexOf).toList();
		assertThat(positions).doesNotContain(-1).isSorted();
	}

	@Test
	void theEntryFormOffersOnlyTheScopesMembersWithMaskedIdNumbers() throws Exception {
		long wendeng = f.members("文登区总工会", 1).get(0)[0];
		long huancui = f.members("环翠区总工会", 1).get(0)[0];
		String wendengName = memberName(wendeng);
		Document form = page("/competitions/trades/" + f.trade + "/entries/new?q=" + wendengName, "wendeng");
		assertThat(form.select("input[name=memberIds]").eachAttr("value")).contains(String.valueOf(wendeng));
		assertThat(form.text()).contains(idMasked(wendeng));
		assertThat(idMasked(wendeng)).contains("*");
		Document other = page("/competitions/trades/" + f.trade + "/entries/new?q=" + card(huancui), "wendeng");
		assertThat(other.select("input[name=memberIds]")).isEmpty();
	}

	@Test
	void thePoolShowsTheScopesJudgesAndAJudgeSeesCodesOfTheirTradesOnly() throws Exception {
		long huancuiJudge = f.judge("pages-huancui", demo.org("环翠区总工会"), false);
		f.judge("pages-chief", demo.org("威海市总工会"), true);
		String judgeName = jdbc.queryForObject("SELECT name FROM competition_judge WHERE id = ?", String.class, huancuiJudge);
		assertThat(page("/competitions/judges", "huancui").select("#judges").text()).contains(judgeName);
		assertThat(page("/competitions/judges", "wendeng").select("#judges").text()).doesNotContain(judgeName);

		long entry = f.register("wendeng", f.members("文登区总工会", 1).get(0)[0]);
		String code = jdbc.queryForObject("SELECT contestant_code FROM competition_entry WHERE id = ?", String.class, entry);
		String entrant = jdbc.queryForObject("SELECT name FROM competition_entry_member WHERE entry_id = ?", String.class,
				entry);
		Document assignments = page("/competitions/judging", "pages-huancui");
		assertThat(assignments.text()).contains(name, "焊工");
		f.advance();
		f.advance();
		Document sheet = page("/competitions/judging/trades/" + f.trade, "pages-huancui");
		assertThat(sheet.select("#sheet tbody tr")).hasSize(1);
		assertThat(sheet.select("#sheet tbody tr td").first().text()).isEqualTo(code);
		assertThat(sheet.text()).doesNotContain(entrant);
	}

	@Test
	void thePublicPagesShowNothingBeforeTheNotice() throws Exception {
		assertThat(page("/competitions/results", null).text()).doesNotContain(name);
		mvc.perform(get("/competitions/results/{id}", f.competition)).andExpect(status().isNotFound());
		long entry = f.register("wendeng", f.members("文登区总工会", 1).get(0)[0]);
		assertThat(page("/competitions/results", null).text()).doesNotContain(name);
		jdbc.update("UPDATE competition SET status = 'PUBLISHED' WHERE id = ?", f.competition);
		jdbc.update("UPDATE competition_trade SET locked_at = CURRENT_TIMESTAMP WHERE id = ?", f.trade);
		jdbc.update("UPDATE competition_entry SET ranking = 1, prize = 1, total_score = 91.5 WHERE id = ?", entry);
		String entrant = jdbc.queryForObject("SELECT name FROM competition_entry_member WHERE entry_id = ?", String.class,
				entry);
		long member = jdbc.queryForObject("SELECT member_id FROM competition_entry_member WHERE entry_id = ?", Long.class,
				entry);
		assertThat(page("/competitions/results", null).select("#public-competitions tbody").text()).contains(name, "结果已发布");
		Document results = page("/competitions/results/" + f.competition, null);
		assertThat(results.select("#results tbody tr")).hasSize(1);
		assertThat(results.select("#results tbody tr").text()).contains("焊工", "1", entrant, "91.50", "一等奖");
		assertThat(results.html()).doesNotContain(card(member)).doesNotContain(idMasked(member));
	}

	/** A grassroots union of the district that already has members. */
	private long unionUnder(String district) {
		return jdbc.queryForObject("""
				SELECT MIN(m.organization_id) FROM member m JOIN organization_closure c ON c.descendant_id = m.organization_id
				WHERE c.ancestor_id = ? AND c.depth > 0""", Long.class, demo.org(district));
	}

	/** A new member of the union with a fresh, valid 文登 ID number born in {@code birthYear}. */
	private long register(CurrentUser system, String name, String birthYear, long union) {
		long n = SEQUENCE.incrementAndGet() + System.nanoTime() % 10_000 * 100;
		String body = "371081" + birthYear + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", n % 1000);
		return members.register(system, new MemberData(name, null, DocumentType.RESIDENT_ID,
				body + ResidentIdNumber.checkDigit(body), null, null, EmploymentType.ON_THE_JOB, union,
				LocalDate.of(2015, 3, 1)));
	}

	private Document page(String path, String user) throws Exception {
		var request = get(path);
		if (user != null) {
			request.with(demo.as(user));
		}
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private String card(long member) {
		return jdbc.queryForObject("SELECT card_number FROM member WHERE id = ?", String.class, member);
	}

	private String memberName(long member) {
		return jdbc.queryForObject("SELECT name FROM member WHERE id = ?", String.class, member);
	}

	private String idMasked(long member) {
		return jdbc.queryForObject("SELECT id_number_masked FROM member WHERE id = ?", String.class, member);
	}

	private static byte[] xlsx(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("报名");
			sheet.createRow(0).createCell(0).setCellValue("会员卡号");
			for (int i = 0; i < rows.length; i++) {
				var row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(rows[i][0]);
				row.createCell(1).setCellValue(rows[i][1]);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
