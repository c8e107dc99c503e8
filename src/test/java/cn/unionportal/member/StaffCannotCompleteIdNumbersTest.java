package cn.unionportal.member;

import static cn.unionportal.member.ImportFiles.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8, item 1: everything a role that may not reveal sees of a member, on the profile, the
 * list, the card, the masked export and the member's audit trail, together with the clear columns
 * at rest, leaves at least 1,000 candidate ID numbers, counted by enumerating them (with the
 * organization's own district as the guessed region). On the code before, the profile showed
 * {@code 371002********1234} beside the birth date: exactly one candidate.
 */
class StaffCannotCompleteIdNumbersTest extends PostgresIntegrationTest {

	/** 18 characters of a masked (or clear) document number on a page or in a cell. */
	private static final Pattern NUMBER_LIKE = Pattern.compile("(?<![0-9A-Za-z*])[0-9Xx*]{18}(?![0-9A-Za-z*])");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	@Test
	void everythingStaffSeeOfAMemberTogetherLeavesAtLeastAThousandCandidates() throws Exception {
		long union = demo.org("威海恒科精工有限公司工会");
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		CurrentUser staff = ImportTestSupport.user(users, "huancui");
		assertThat(members.mayReveal(staff)).isFalse();
		String number = uniqueId("371002", Gender.FEMALE);
		String birthDigits = number.substring(6, 14);
		String birthDate = birthDigits.substring(0, 4) + "-" + birthDigits.substring(4, 6) + "-" + birthDigits.substring(6);
		String name = "候选" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.getAndIncrement() % 10) + "人";
		long id = members.register(admin, new MemberData(name, null, DocumentType.RESIDENT_ID, number, null,
				"13912345678", EmploymentType.ON_THE_JOB, union, null));
		MemberView profile = members.get(staff, id);
		members.update(admin, id, profile.version(), new MemberData(name + "改", profile.gender(), profile.documentType(),
				null, null, null, profile.employmentType(), union, profile.joinDate()));

		List<String> seen = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		// the service views
		profile = members.get(staff, id);
		seen.add(profile.idNumberMasked());
		seen.add(members.search(staff, new MemberQuery(name, null, null, null, null), PageRequest.of(0, 20))
			.getContent()
			.get(0)
			.idNumberMasked());
		members.auditOf(staff, id, PageRequest.of(0, 50)).forEach(line -> texts.add(line.details()));
		// the pages
		for (String page : List.of("/members/" + id, "/members/" + id + "/card", "/members?q=" + name,
				"/members/" + id + "/edit")) {
			texts.add(mvc.perform(get(page).with(demo.as("huancui")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		}
		// the masked export
		byte[] workbook = mvc.perform(get("/members/export.xlsx").param("q", name).with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = ImportFiles.parse(workbook)) {
			Row row = book.getSheetAt(0).getRow(1);
			StringBuilder cells = new StringBuilder();
			row.forEach(cell -> cells.append(new DataFormatter().formatCellValue(cell)).append('|'));
			texts.add(cells.toString());
			assertThat(new DataFormatter().formatCellValue(row.getCell(MemberSheetFormat.Column.BIRTH_DATE.ordinal())))
				.isEqualTo(String.valueOf(profile.birthYear()));
		}
		// at rest, without the key
		Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", id);
		stored.values().forEach(value -> texts.add(String.valueOf(value)));
		seen.add((String) stored.get("id_number_masked"));

		for (String text : texts) {
			assertThat(text).doesNotContain(number).doesNotContain(birthDigits).doesNotContain(birthDate);
			Matcher masked = NUMBER_LIKE.matcher(text);
			while (masked.find()) {
				seen.add(masked.group());
			}
		}
		String known = IdNumberCandidates.merge(seen.toArray(String[]::new));
		List<String> candidates = IdNumberCandidates.of(known, profile.birthYear(), profile.gender(), "371002");
		assertThat(candidates).contains(number);
		assertThat(candidates.size()).as("candidates left by %s", known).isGreaterThanOrEqualTo(1_000);
	}
}
