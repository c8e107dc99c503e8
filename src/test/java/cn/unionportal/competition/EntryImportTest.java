package cn.unionportal.competition;

import java.io.ByteArrayOutputStream;
import java.util.List;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Entries from Excel: each row checked as a single registration, refused rows listed with their reason. */
class EntryImportTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Test
	void rowsAreRegisteredOneByOneAndRefusedRowsSayWhy() throws Exception {
		CompetitionFixture f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("DISTRICT", 5);
		List<long[]> wendeng = f.members("文登区总工会", 1);
		long huancui = f.members("环翠区总工会", 1).get(0)[0];
		String good = card(wendeng.get(0)[0]);
		byte[] sheet = xlsx(List.of(new String[] { good, "3" }, new String[] { "WH000000000", "1" },
				new String[] { card(huancui), "1" }, new String[] { good, "9" }, new String[] { good, "2" }));
		String page = mvc.perform(multipart("/competitions/trades/{t}/entries/import", f.trade)
			.file(new MockMultipartFile("file", "entries.xlsx", "application/octet-stream", sheet)).with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("成功报名 1 人", "有 4 行未导入", "WH000000000", "技能等级“9”无效", "每人限报一个工种")
			.contains(card(huancui)); // out of scope: told like an unknown card
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_entry WHERE trade_id = ?", Long.class, f.trade))
			.isEqualTo(1);

		mvc.perform(multipart("/competitions/trades/{t}/entries/import", f.trade)
			.file(new MockMultipartFile("file", "entries.xlsx", "application/octet-stream", "not a workbook".getBytes()))
			.with(csrf()).with(demo.as("wendeng"))).andExpect(flash().attribute("flashError", "competition.import.error.file"));
	}

	private String card(long member) {
		return jdbc.queryForObject("SELECT card_number FROM member WHERE id = ?", String.class, member);
	}

	private static byte[] xlsx(List<String[]> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("报名");
			sheet.createRow(0).createCell(0).setCellValue("会员卡号");
			for (int i = 0; i < rows.size(); i++) {
				var row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(rows.get(i)[0]);
				row.createCell(1).setCellValue(rows.get(i)[1]);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
