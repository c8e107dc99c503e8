package cn.unionportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import cn.unionportal.organization.OrganizationManagement;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import cn.unionportal.support.PostgresIntegrationTest;

/**
 * The statistics pages and the home page: what they show, scope (404 outside, exactly like a
 * missing organization) before role (403), exports, freeze rights and the public page.
 */
class StatisticsPagesTest extends PostgresIntegrationTest {

	@Autowired
	OrganizationManagement organizations;

	@Test
	void staffLandOnTheirHomePageWithQueuesAndHeadlines() throws Exception {
		mvc.perform(get("/").with(demo.as("huancui"))).andExpect(forwardedUrl("/home"));
		String page = mvc.perform(get("/home").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("工作台", "待我处理的困难职工档案", "待接收的会员转会", "href=\"/aid/files/queue\"",
				"href=\"/members/transfers\"", "年末会员数", "href=\"/organizations\"");
		mvc.perform(get("/")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aDistrictSeesItsOwnSubtreeAndNothingOutsideIt() throws Exception {
		long wendeng = demo.org("文登区总工会");
		long huancui = demo.org("环翠区总工会");
		String report = mvc.perform(get("/statistics").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(report).selectFirst("h1").text()).isEqualTo("环翠区总工会 · " + LocalDate.now().getYear()
				+ " 年度统计");
		for (String url : new String[] { "/statistics?org=" + wendeng, "/statistics/breakdown?figure=members.total&org=" + wendeng,
				"/statistics/export.xlsx?org=" + wendeng, "/statistics/national.xlsx?org=" + wendeng,
				"/statistics/report.pdf?org=" + wendeng,
				"/statistics?org=999999999" }) {
			mvc.perform(get(url).with(demo.as("huancui"))).andExpect(status().isNotFound());
		}
		String breakdown = mvc.perform(get("/statistics/breakdown").param("figure", "members.total")
			.with(demo.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(breakdown).contains("文登区总工会", "环翠区总工会", "/statistics/breakdown?org=" + huancui);
		String own = mvc.perform(get("/statistics/breakdown").param("figure", "members.total")
			.with(demo.as("huancui"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(own).doesNotContain("文登区总工会");
		mvc.perform(get("/statistics/breakdown").param("figure", "no.such.figure").with(demo.as("admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyFederationAdministratorsFreezeAndPublish() throws Exception {
		int year = LocalDate.now().getYear() - 3;
		mvc.perform(post("/statistics/freeze").param("year", "" + year).with(csrf()).with(demo.as("wendeng")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/statistics/unfreeze").param("year", "" + year).with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/statistics/publish").param("year", "" + year).with(demo.as("wendeng")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/statistics/publish").param("year", "" + year).with(csrf()).with(demo.as("wendeng")))
			.andExpect(status().isForbidden());
		String page = mvc.perform(get("/statistics").with(demo.as("wendeng"))).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("/statistics/freeze");
		// the current year has not ended: refused with a message, nothing stored
		int current = LocalDate.now().getYear();
		mvc.perform(post("/statistics/freeze").param("year", "" + current).with(csrf()).with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statistics_freeze WHERE stat_year = ?", Integer.class, current))
			.isZero();
	}

	@Test
	void theWorkbookHoldsTheNumbersThePageShows() throws Exception {
		String page = mvc.perform(get("/statistics").with(demo.as("admin"))).andReturn().getResponse().getContentAsString();
		String shown = org.jsoup.Jsoup.parse(page).selectFirst("tr[data-figure=members.total] td.figure-value").text();
		MvcResult export = mvc.perform(get("/statistics/export.xlsx").with(demo.as("admin")))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			Sheet members = book.getSheet("会员");
			Row total = members.getRow(1);
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("年末会员数");
			assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(Double.parseDouble(shown.replace(",", "")))
				.isGreaterThan(0);
			// one sheet per section: organizations, members, self-service, aid, benefits, competitions, awards
			assertThat(book.getNumberOfSheets()).isEqualTo(7);
			assertThat(book.getSheet("职工技能竞赛")).isNotNull();
			assertThat(book.getSheet("劳模工匠与荣誉")).isNotNull();
		}
		MvcResult national = mvc.perform(get("/statistics/national.xlsx").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(national.getResponse().getContentAsByteArray()))) {
			Sheet base = book.getSheet("基层工会调查表");
			assertThat(base.getRow(1).getCell(2).getStringCellValue()).isEqualTo("本系统未掌握");
			assertThat(base.getRow(5).getCell(1).getStringCellValue()).isEqualTo("会员人数");
			assertThat(base.getRow(5).getCell(2).getNumericCellValue()).isGreaterThan(0);
		}
	}

	@Test
	void thePdfReportEmbedsTheChineseFontAndTheFigures() throws Exception {
		byte[] pdf = mvc.perform(get("/statistics/report.pdf").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("环翠区总工会", "年末会员数", "困难职工帮扶").doesNotContain("文登区总工会");
		}
	}

	@Test
	void thePublicPageShowsOnlyPublishedTotalsOfGroupsOfTenOrMore() throws Exception {
		int year = 2019;
		try {
			mvc.perform(post("/statistics/freeze").param("year", "" + year).with(csrf()).with(demo.as("admin")))
				.andExpect(status().is3xxRedirection());
			String choices = mvc.perform(get("/statistics/publish").param("year", "" + year).with(demo.as("admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(choices).contains("value=\"members.total\"").doesNotContain("value=\"hardship.files.relapses\"");
			mvc.perform(post("/statistics/publish").param("year", "" + year)
				.param("figure", "members.total", "hardship.files.relapses")
				.with(csrf())
				.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
			assertThat(jdbc.queryForList("SELECT figure_key FROM statistics_publication WHERE stat_year = ?", String.class, year))
				.containsExactly("members.total");
			String open = mvc.perform(get("/achievements").param("year", "" + year))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(open).contains("数字看成就", "年末会员数").doesNotContain("返困");
		}
		finally {
			mvc.perform(post("/statistics/unfreeze").param("year", "" + year).with(csrf()).with(demo.as("admin")));
		}
		String after = mvc.perform(get("/achievements").param("year", "" + year)).andReturn().getResponse().getContentAsString();
		assertThat(after).doesNotContain("年末会员数");
	}

	@Test
	void everyFigureHasALabelInBothLanguages(@Autowired java.util.List<FigureSource> sources,
			@Autowired org.springframework.context.MessageSource messages) {
		for (FigureSource source : sources) {
			for (java.util.Locale locale : new java.util.Locale[] { java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH }) {
				assertThat(messages.getMessage("statistics.section." + source.section(), null, null, locale)).isNotNull();
				for (Figure figure : source.figures()) {
					assertThat(messages.getMessage("statistics.figure." + figure.key(), null, null, locale))
						.as(figure.key() + " " + locale).isNotNull();
				}
			}
		}
	}
}
