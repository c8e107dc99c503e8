package cn.unionportal.member;

import static cn.unionportal.member.ResidentIdNumberTest.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.unionportal.member.InvalidIdNumberException.Reason;

class IdentityDocumentsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

	private static InvalidIdNumberException failure(DocumentType type, String number) {
		return catchThrowableOfType(InvalidIdNumberException.class,
				() -> IdentityDocuments.validate(type, number, TODAY));
	}

	private static Reason reasonOf(DocumentType type, String number) {
		return failure(type, number).reason();
	}

	@Test
	void residentIdIsNormalized() {
		assertThat(IdentityDocuments.validate(DocumentType.RESIDENT_ID, " 11010519491231002x "))
			.isEqualTo("11010519491231002X");
	}

	@Test
	void residentIdRejectsResidencePermitPrefixes() {
		for (String prefix : new String[] { "810000", "820000", "830000" }) {
			InvalidIdNumberException ex = failure(DocumentType.RESIDENT_ID, valid(prefix + "19900101123"));
			assertThat(ex.reason()).isEqualTo(Reason.PROVINCE);
			assertThat(ex).hasMessage(
					"This is a HK/Macao/Taiwan residence permit number; choose the residence permit document type");
		}
	}

	@Test
	void residentIdPassesThroughResidentIdNumberReasons() {
		assertThat(reasonOf(DocumentType.RESIDENT_ID, "11010519491231002")).isEqualTo(Reason.LENGTH);
		assertThat(reasonOf(DocumentType.RESIDENT_ID, "11010519491231002A")).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(DocumentType.RESIDENT_ID, valid("99010519900101123"))).isEqualTo(Reason.PROVINCE);
		assertThat(reasonOf(DocumentType.RESIDENT_ID, valid("37100219900230123"))).isEqualTo(Reason.BIRTH_DATE);
		assertThat(reasonOf(DocumentType.RESIDENT_ID, "110105194912310021")).isEqualTo(Reason.CHECK_DIGIT);
	}

	@Test
	void hongKongAndMacaoPermitsAreAccepted() {
		String hongKong = valid("81000019900101123");
		String macao = valid("82000019851231002");

		assertThat(IdentityDocuments.validate(DocumentType.HK_MACAO_RESIDENCE_PERMIT, hongKong)).isEqualTo(hongKong);
		assertThat(IdentityDocuments.validate(DocumentType.HK_MACAO_RESIDENCE_PERMIT, macao)).isEqualTo(macao);
	}

	@Test
	void hongKongAndMacaoPermitsRequireTheirPrefixes() {
		for (String prefix : new String[] { "830000", "810001", "820100", "371002", "110105" }) {
			InvalidIdNumberException ex = failure(DocumentType.HK_MACAO_RESIDENCE_PERMIT, valid(prefix + "19900101123"));
			assertThat(ex.reason()).as(prefix).isEqualTo(Reason.PROVINCE);
			assertThat(ex).hasMessage("Residence permit number must start with 810000 or 820000");
		}
	}

	@Test
	void hongKongAndMacaoPermitsAreFullyChecked() {
		DocumentType type = DocumentType.HK_MACAO_RESIDENCE_PERMIT;
		String good = valid("81000019900101123");
		char wrong = good.charAt(17) == '0' ? '1' : '0';

		assertThat(reasonOf(type, good.substring(0, 17) + wrong)).isEqualTo(Reason.CHECK_DIGIT);
		assertThat(reasonOf(type, valid("81000019900230123"))).isEqualTo(Reason.BIRTH_DATE);
		assertThat(reasonOf(type, valid("81000020260502123"))).isEqualTo(Reason.BIRTH_DATE);
		assertThat(reasonOf(type, "8100001990010112")).isEqualTo(Reason.LENGTH);
		assertThat(reasonOf(type, "81000019900101123Z")).isEqualTo(Reason.FORMAT);
	}

	@Test
	void taiwanPermitsUsePrefix830000() {
		String taiwan = valid("83000019751120004");

		assertThat(IdentityDocuments.validate(DocumentType.TAIWAN_RESIDENCE_PERMIT, taiwan)).isEqualTo(taiwan);
		InvalidIdNumberException ex = failure(DocumentType.TAIWAN_RESIDENCE_PERMIT, valid("81000019751120004"));
		assertThat(ex.reason()).isEqualTo(Reason.PROVINCE);
		assertThat(ex).hasMessage("Residence permit number must start with 830000");
		assertThat(reasonOf(DocumentType.TAIWAN_RESIDENCE_PERMIT, valid("71000019751120004")))
			.isEqualTo(Reason.PROVINCE);
	}

	@Test
	void permitCheckCharacterXIsNormalized() {
		String first17 = firstWithCheckX("83000019900101");

		assertThat(IdentityDocuments.validate(DocumentType.TAIWAN_RESIDENCE_PERMIT, first17 + "x"))
			.isEqualTo(first17 + "X");
	}

	@Test
	void foreignPermanentResidence2017FormatIsThreeLettersAndTwelveDigits() {
		DocumentType type = DocumentType.FOREIGN_PERMANENT_RESIDENCE;

		assertThat(IdentityDocuments.validate(type, "USA310119800101")).isEqualTo("USA310119800101");
		assertThat(IdentityDocuments.validate(type, " kor370619751203 ")).isEqualTo("KOR370619751203");
		assertThat(reasonOf(type, "US1310119800101")).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(type, "USA31011980010A")).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(type, "123310119800101")).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(type, "USA31011980010")).isEqualTo(Reason.LENGTH);
	}

	@Test
	void foreignPermanentResidence2023FormatStartsWith9AndHasGb11643Check() {
		DocumentType type = DocumentType.FOREIGN_PERMANENT_RESIDENCE;
		String good = valid("93784019800101123");
		char wrong = good.charAt(17) == '0' ? '1' : '0';
		String withX = firstWithCheckX("93784019800101");

		assertThat(IdentityDocuments.validate(type, good)).isEqualTo(good);
		assertThat(IdentityDocuments.validate(type, withX + "x")).isEqualTo(withX + "X");
		assertThat(reasonOf(type, good.substring(0, 17) + wrong)).isEqualTo(Reason.CHECK_DIGIT);
		assertThat(reasonOf(type, valid("37100219900101123"))).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(type, "9378401980010112AX")).isEqualTo(Reason.FORMAT);
		assertThat(reasonOf(type, "9378401980010112345")).isEqualTo(Reason.LENGTH);
	}

	@ParameterizedTest
	@EnumSource(DocumentType.class)
	void nullOrBlankNumberIsALengthFailure(DocumentType type) {
		assertThat(reasonOf(type, null)).isEqualTo(Reason.LENGTH);
		assertThat(reasonOf(type, "   ")).isEqualTo(Reason.LENGTH);
	}

	@Test
	void typeIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> IdentityDocuments.validate(null, "11010519491231002X"))
			.withMessage("type");
	}

	/** Finds 17 digits starting with {@code prefix14} whose check character is X. */
	private static String firstWithCheckX(String prefix14) {
		for (int n = 0; n < 1_000; n++) {
			String first17 = prefix14 + String.format("%03d", n);
			if (ResidentIdNumber.checkDigit(first17).equals("X")) {
				return first17;
			}
		}
		throw new AssertionError("no X check digit found");
	}
}
