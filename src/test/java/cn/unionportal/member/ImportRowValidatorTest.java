package cn.unionportal.member;

import java.time.LocalDate;
import java.util.List;

import cn.unionportal.member.ImportRowValidator.Outcome;
import cn.unionportal.member.ImportRowValidator.Rejected;
import cn.unionportal.member.ImportRowValidator.Valid;
import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.organization.OrganizationStatus;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.organization.OrganizationType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of one import row: the same rules as the registration form, the organization by
 * number or unique name within the scope, and the date formats people type.
 */
class ImportRowValidatorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

	private static final String ID = "11010519491231002X";

	private final ImportRowValidator validator = new ImportRowValidator(new OrganizationDirectory(List.of(
			org(11, "大明工会", OrganizationType.GRASSROOTS_UNION, OrganizationStatus.ACTIVE),
			org(12, "同名工会", OrganizationType.GRASSROOTS_UNION, OrganizationStatus.ACTIVE),
			org(13, "同名工会", OrganizationType.BRANCH, OrganizationStatus.ACTIVE),
			org(14, "已撤销工会", OrganizationType.GRASSROOTS_UNION, OrganizationStatus.DISSOLVED),
			org(15, "大水泊镇工会", OrganizationType.TOWNSHIP_UNION, OrganizationStatus.ACTIVE))), TODAY);

	@Test
	void aCompleteRowBecomesAMemberWithBirthDateAndGenderFromTheNumber() {
		Valid valid = (Valid) validator.validate(cells("王伟", "", "", " " + ID.toLowerCase() + " ", "", "138 0013 8000",
				"在岗职工", "大明工会", "2024/3/1"));
		MemberBatchWriter.Row row = valid.row();
		assertThat(row.idNumber()).isEqualTo(ID);
		assertThat(row.documentType()).isEqualTo(DocumentType.RESIDENT_ID);
		assertThat(row.gender()).isEqualTo(Gender.FEMALE);
		assertThat(row.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(row.phone()).isEqualTo("13800138000");
		assertThat(row.employmentType()).isEqualTo(EmploymentType.ON_THE_JOB);
		assertThat(row.organizationId()).isEqualTo(11);
		assertThat(row.joinDate()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(valid.personKey()).isEqualTo(PersonKeys.keyOf(ID));
	}

	@Test
	void organizationByNumberAndJoinDateDefaultsToToday() {
		Valid valid = (Valid) validator.validate(cells("王伟", "女", "居民身份证", ID, "1949-12-31", "", "农民工", "11", ""));
		assertThat(valid.row().organizationId()).isEqualTo(11);
		assertThat(valid.row().joinDate()).isEqualTo(TODAY);
		assertThat(valid.row().phone()).isNull();
	}

	@Test
	void eachProblemHasItsReason() {
		assertReason(cells("", "", "", ID, "", "", "在岗职工", "11", ""), "member.import.reason.required", "姓名");
		assertReason(cells("王伟", "", "护照", ID, "", "", "在岗职工", "11", ""), "member.import.reason.documentType", "护照");
		assertReason(cells("王伟", "", "", "110105194912310021", "", "", "在岗职工", "11", ""),
				"member.error.idNumber.CHECK_DIGIT");
		assertReason(cells("王伟", "", "", "3.71002199001011E17", "", "", "在岗职工", "11", ""),
				"member.import.reason.idNumberAsNumber");
		assertReason(cells("王伟", "男", "", ID, "", "", "在岗职工", "11", ""), "member.error.genderMismatch");
		assertReason(cells("王伟", "", "", ID, "1950-01-01", "", "在岗职工", "11", ""), "member.error.birthDateMismatch");
		assertReason(cells("王伟", "", "", ID, "", "12345", "在岗职工", "11", ""), "member.error.phone");
		assertReason(cells("王伟", "", "", ID, "", "", "临时工", "11", ""), "member.import.reason.employmentType", "临时工");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "不存在的工会", ""),
				"member.import.reason.organizationUnknown", "不存在的工会");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "99", ""), "member.import.reason.organizationUnknown", "99");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "同名工会", ""),
				"member.import.reason.organizationAmbiguous", "同名工会");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "已撤销工会", ""),
				"member.import.reason.organizationDissolved", "已撤销工会");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "大水泊镇工会", ""), "member.error.notMemberHome");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "11", "2024-13-45"), "member.import.reason.date", "入会日期",
				"2024-13-45");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "11", "2026-05-02"), "member.import.reason.dateInFuture",
				"入会日期");
		assertReason(cells("王伟", "", "", ID, "", "", "在岗职工", "11", "1949-12-31"), "member.import.reason.joinDateTooEarly",
				"1950");
	}

	@Test
	void foreignPermanentResidenceCardsNeedGenderAndBirthDate() {
		String card = "USA310119800101";
		assertReason(cells("John", "", "外国人永久居留身份证", card, "", "", "高层次人才", "11", ""), "member.import.reason.required",
				"性别");
		Valid valid = (Valid) validator
			.validate(cells("John", "男", "FOREIGN_PERMANENT_RESIDENCE", card, "1980年1月1日", "", "高层次人才", "11", ""));
		assertThat(valid.row().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(PersonKeys.keyOf(card)).isNegative().isNotEqualTo(PersonKeys.keyOf("USA310119800102"));
	}

	@Test
	void typedDatesInTheUsualShapes() {
		LocalDate day = LocalDate.of(2024, 3, 1);
		for (String text : new String[] { "2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "20240301", "2024-03-01 00:00:00" }) {
			assertThat(ImportRowValidator.parseDate(text)).as(text).isEqualTo(day);
		}
		assertThat(ImportRowValidator.parseDate("2024-02-30")).isNull();
		assertThat(ImportRowValidator.parseDate("01/03/2024")).isNull();
	}

	@Test
	void personKeysFindRepeats() {
		PersonKeys keys = new PersonKeys();
		for (int i = 0; i < 10_000; i++) {
			assertThat(keys.firstSeen(1_000_000L + i * 7919L, i + 2)).isZero();
		}
		assertThat(keys.firstSeen(1_000_000L + 5 * 7919L, 99_999)).isEqualTo(7);
		assertThat(keys.size()).isEqualTo(10_000);
	}

	private void assertReason(String[] cells, String key, String... arguments) {
		Outcome outcome = validator.validate(cells);
		assertThat(outcome).isInstanceOf(Rejected.class);
		assertThat(((Rejected) outcome).reasonKey()).isEqualTo(key);
		assertThat(((Rejected) outcome).arguments()).containsExactly(arguments);
	}

	private static String[] cells(String... values) {
		assertThat(values).hasSize(Column.values().length);
		return values;
	}

	private static OrganizationSummary org(long id, String name, OrganizationType type, OrganizationStatus status) {
		return new OrganizationSummary(id, name, type, status, 1L, 0);
	}
}
