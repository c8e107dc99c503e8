package cn.unionportal.competition;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.Demo;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Theory scores from a real .xlsx (built with POI) into a judge's own sheet: rows checked one by
 * one (unknown and repeated codes, numbers, range, conflict of interest), refused rows listed and
 * the others saved; refused as a whole for a stale upload form, a header naming no theory aspect,
 * a malformed file and a signed sheet; a judge outside the trade gets 404, staff 403.
 */
class TheoryImportTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	private CompetitionFixture f;

	private long judgeA;

	private long judgeB;

	private String[] codes;

	private long[] entries;

	@BeforeEach
	void competitionInProgressWithThreeEntries() throws Exception {
		f = new CompetitionFixture(mvc, jdbc, demo, accounts).create("DISTRICT", 5);
		List<long[]> wendeng = f.members("文登区总工会", 2);
		long huancui = f.members("环翠区总工会", 1).get(0)[0];
		entries = new long[] { f.register("wendeng", wendeng.get(0)[0]), f.register("wendeng", wendeng.get(1)[0]),
				f.register("huancui", huancui) };
		codes = new String[3];
		for (int i = 0; i < 3; i++) {
			codes[i] = jdbc.queryForObject("SELECT contestant_code FROM competition_entry WHERE id = ?", String.class,
					entries[i]);
		}
		judgeA = f.judge("theory-a", wendeng.get(0)[1], false); // the first contestant's union: conflicted
		judgeB = f.judge("theory-b", demo.org("威海市总工会"), true);
		f.advance(); // registration closed
		f.advance(); // in progress: marking
	}

	@Test
	void goodRowsAreSavedAndRefusedRowsSayWhy() throws Exception {
		byte[] sheet = xlsx(new String[] { "参赛编号", "理论考试" }, new String[] { codes[0], "88" },
				new String[] { codes[1], "八十" }, new String[] { "ZZZZZZ", "50" }, new String[] { codes[2], "120" },
				new String[] { codes[0], "70" });
		String page = mvc.perform(upload(sheet, f.sheetVersion(judgeB), "theory-b")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已为 1 名选手保存理论成绩", "有 4 行未导入")
			.contains("“八十”", "参赛编号“ZZZZZZ”不是本工种的有效选手", "“理论考试”的分数必须在 0 到 100", "参赛编号“" + codes[0] + "”在文件中重复出现");
		assertThat(mark(entries[0], judgeB)).isEqualByComparingTo("88");
		assertThat(mark(entries[1], judgeB)).isNull();
		assertThat(mark(entries[2], judgeB)).isNull();

		// judge A shares the first contestant's union: that row is refused, the other saved
		String second = mvc.perform(upload(xlsx(new String[] { "参赛编号", "理论考试" }, new String[] { codes[0], "90" },
				new String[] { codes[1], "75.5" }), f.sheetVersion(judgeA), "theory-a")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(second).contains("已为 1 名选手保存理论成绩", "回避");
		assertThat(mark(entries[0], judgeA)).isNull();
		assertThat(mark(entries[1], judgeA)).isEqualByComparingTo("75.5");
	}

	@Test
	void aStaleFormABadHeaderAMalformedFileAndASignedSheetAreRefusedWhole() throws Exception {
		byte[] good = xlsx(new String[] { "参赛编号", "理论考试" }, new String[] { codes[1], "60" });
		long version = f.sheetVersion(judgeB);
		f.mark("theory-b", judgeB, entries[2], "50", "50"); // the sheet moves on in another tab
		mvc.perform(upload(good, version, "theory-b")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "competition.mark.error.stale"));
		assertThat(mark(entries[1], judgeB)).isNull();

		mvc.perform(upload(xlsx(new String[] { "参赛编号", "焊缝外观" }, new String[] { codes[1], "60" }),
				f.sheetVersion(judgeB), "theory-b"))
			.andExpect(flash().attribute("flashError", "competition.theory.error.header"));
		mvc.perform(upload("PK not really a workbook".getBytes(), f.sheetVersion(judgeB), "theory-b"))
			.andExpect(flash().attribute("flashError", "competition.import.error.file"));
		assertThat(mark(entries[1], judgeB)).isNull();

		for (long entry : entries) {
			f.mark("theory-b", judgeB, entry, "60", "60");
		}
		f.sign("theory-b", judgeB);
		mvc.perform(upload(good, f.sheetVersion(judgeB), "theory-b"))
			.andExpect(flash().attribute("flashError", "competition.mark.error.locked"));
		assertThat(mark(entries[1], judgeB)).isEqualByComparingTo("60");
	}

	@Test
	void onlyTheTradesJudgesImport() throws Exception {
		if (!accounts.exists("theory-outsider")) {
			accounts.createInitialAccount("theory-outsider", "场外裁判", demo.org("威海市总工会"), java.util.Set.of(StaffRole.JUDGE),
					Demo.PASSWORD, false);
		}
		byte[] good = xlsx(new String[] { "参赛编号", "理论考试" }, new String[] { codes[1], "60" });
		mvc.perform(upload(good, 0, "theory-outsider")).andExpect(status().isNotFound());
		mvc.perform(upload(good, 0, "admin")).andExpect(status().isForbidden());
		String sheet = mvc.perform(get("/competitions/judging/trades/{t}", f.trade).with(demo.as("theory-b")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(sheet).contains("id=\"theory-import\"", "理论考试");
	}

	private org.springframework.test.web.servlet.RequestBuilder upload(byte[] file, long version, String user) {
		return multipart("/competitions/judging/trades/{t}/theory", f.trade)
			.file(new MockMultipartFile("file", "theory.xlsx", "application/octet-stream", file))
			.param("version", String.valueOf(version)).with(csrf()).with(demo.as(user));
	}

	private BigDecimal mark(long entry, long judge) {
		return jdbc.query("SELECT mark FROM competition_mark WHERE entry_id = ? AND aspect_id = ? AND judge_id = ?",
				rs -> rs.next() ? rs.getBigDecimal(1) : null, entry, f.theory, judge);
	}

	static byte[] xlsx(String[]... rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("理论成绩");
			for (int i = 0; i < rows.length; i++) {
				XSSFRow row = sheet.createRow(i);
				for (int c = 0; c < rows[i].length; c++) {
					if (c == 1 && rows[i][c].matches("[0-9.]+")) {
						row.createCell(c).setCellValue(Double.parseDouble(rows[i][c])); // a number cell, as Excel keeps it
					}
					else {
						row.createCell(c).setCellValue(rows[i][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
