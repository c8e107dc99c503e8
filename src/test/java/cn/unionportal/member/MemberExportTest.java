package cn.unionportal.member;

import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;

import static cn.unionportal.member.ImportFiles.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exporting a member search: the same scope and filters as the list, masked by default, unmasked
 * only for administrators and then audited once with the row count.
 */
class MemberExportTest extends PostgresIntegrationTest {

	static final String PREFIX = "导测";

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	private static final String TAGS = "一二三四五六七八九十";

	private static int tests;

	long wendengUnion;

	/** Names of this test's members start with it: {@code 导测} and a character of its own. */
	String prefix;

	List<String> ids = new ArrayList<>();

	@BeforeEach
	void registerMembers() {
		wendengUnion = demo.org(MemberImportTest.WENDENG_UNION);
		prefix = PREFIX + TAGS.charAt(tests++ % TAGS.length());
		CurrentUser wendeng = ImportTestSupport.user(users, "wendeng");
		ids.clear();
		for (String suffix : List.of("a", "b", "c")) {
			String id = uniqueId(Gender.MALE);
			ids.add(id);
			members.register(wendeng, new MemberData(prefix + suffix, null, DocumentType.RESIDENT_ID, id, null,
					"13912345678", EmploymentType.MIGRANT_WORKER, wendengUnion, null));
		}
	}

	@Test
	void exportsTheSearchMaskedByDefault() throws Exception {
		long auditsBefore = unmaskedExports();
		List<List<String>> rows = export("wendeng", false);
		assertThat(rows).extracting(r -> r.get(0)).containsExactly(prefix + "a", prefix + "b", prefix + "c");
		for (List<String> row : rows) {
			assertThat(row.get(MemberSheetFormat.Column.ID_NUMBER.ordinal())).matches("\\*{16}[0-9X]{2}");
			assertThat(row.get(MemberSheetFormat.Column.BIRTH_DATE.ordinal())).matches("(19|20)\\d{2}");
			assertThat(row.get(MemberSheetFormat.Column.PHONE.ordinal())).isEqualTo("139****5678");
			assertThat(row.get(MemberSheetFormat.Column.EMPLOYMENT_TYPE.ordinal())).isEqualTo("农民工");
			assertThat(row.get(MemberSheetFormat.Column.ORGANIZATION.ordinal())).isEqualTo(MemberImportTest.WENDENG_UNION);
			assertThat(CardNumbers.isValid(row.get(9))).isTrue();
			assertThat(row.get(10)).isEqualTo("在册");
		}
		assertThat(rows.stream().map(r -> r.get(MemberSheetFormat.Column.ID_NUMBER.ordinal())).toList())
			.containsExactlyInAnyOrderElementsOf(ids.stream().map(Masking::idNumber).toList());
		assertThat(unmaskedExports()).isEqualTo(auditsBefore);
	}

	@Test
	void administratorsMayExportUnmaskedAndEachSuchExportIsAudited() throws Exception {
		long auditsBefore = unmaskedExports();
		List<List<String>> rows = export("wendeng", true);
		assertThat(rows.stream().map(r -> r.get(MemberSheetFormat.Column.ID_NUMBER.ordinal())).toList())
			.containsExactly(ids.get(0), ids.get(1), ids.get(2));
		assertThat(rows).allSatisfy(r -> assertThat(r.get(MemberSheetFormat.Column.PHONE.ordinal())).isEqualTo("13912345678"));
		assertThat(unmaskedExports()).isEqualTo(auditsBefore + 1);
		assertThat(jdbc.queryForObject("""
				SELECT details FROM audit_event WHERE action = 'EXPORT_UNMASKED' AND actor = 'wendeng'
				ORDER BY id DESC LIMIT 1""", String.class)).startsWith("rows=3;");
		assertThat(jdbc.queryForObject("""
				SELECT organization_id FROM audit_event WHERE action = 'EXPORT_UNMASKED' AND actor = 'wendeng'
				ORDER BY id DESC LIMIT 1""", Long.class)).isEqualTo(wendengUnion);
	}

	@Test
	void staffMayExportMaskedOnlyAndNothingOutsideTheirScope() throws Exception {
		mvc.perform(get("/members/export.xlsx").param("unmasked", "true").with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/members/export.xlsx").param("organization", String.valueOf(wendengUnion)).with(demo.as("huancui")))
			.andExpect(status().isNotFound());
		MvcResult all = mvc.perform(get("/members/export.xlsx").param("q", prefix).with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook workbook = ImportFiles.parse(all.getResponse().getContentAsByteArray())) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).as("only the header: wendeng's members are not huancui's")
				.isZero();
		}
	}

	private List<List<String>> export(String username, boolean unmasked) throws Exception {
		MvcResult result = mvc
			.perform(get("/members/export.xlsx").param("q", prefix)
				.param("organization", String.valueOf(wendengUnion))
				.param("sort", "NAME")
				.param("unmasked", String.valueOf(unmasked))
				.with(demo.as(username)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = ImportFiles.parse(result.getResponse().getContentAsByteArray())) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				List<String> values = new ArrayList<>();
				for (int i = 0; i < 11; i++) {
					var cell = row.getCell(i);
					values.add(cell == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell));
				}
				rows.add(values);
			}
		}
		assertThat(rows).hasSize(3);
		return rows;
	}

	private long unmaskedExports() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT_UNMASKED'", Long.class);
	}
}
