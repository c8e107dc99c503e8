package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.unionportal.member.InvalidIdNumberException.Reason;

class ResidentIdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

	static String valid(String first17) {
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	static Reason reasonOf(String text) {
		return catchThrowableOfType(InvalidIdNumberException.class, () -> ResidentIdNumber.parse(text, TODAY))
			.reason();
	}

	@Test
	void parsesWidelyCitedExample() {
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.gender()).isEqualTo(Gender.FEMALE);
		assertThat(id.regionCode()).isEqualTo("110105");
		assertThat(id.lastFour()).isEqualTo("002X");
	}

	@Test
	void normalizesLowerCaseXAndSurroundingWhitespace() {
		ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x\t");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id).isEqualTo(ResidentIdNumber.parse("11010519491231002X"))
			.hasSameHashCodeAs(ResidentIdNumber.parse("11010519491231002X"));
	}

	@Test
	void derivesGenderFromSeventeenthDigit() {
		for (int digit = 0; digit <= 9; digit++) {
			ResidentIdNumber id = ResidentIdNumber.parse(valid("3710021990010112" + digit));
			assertThat(id.gender()).as("digit %d", digit).isEqualTo(digit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
		}
	}

	@Test
	void derivesBirthDateRegionAndLastFour() {
		ResidentIdNumber id = ResidentIdNumber.parse(valid("37108219851107351"));

		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 11, 7));
		assertThat(id.regionCode()).isEqualTo("371082");
		assertThat(id.gender()).isEqualTo(Gender.MALE);
		assertThat(id.lastFour()).isEqualTo("351" + ResidentIdNumber.checkDigit("37108219851107351"));
	}

	@Test
	void toStringIsMasked() {
		assertThat(ResidentIdNumber.parse("11010519491231002X")).hasToString("****************2X");
	}

	@Test
	void checkDigitMatchesHandComputedValues() {
		assertThat(ResidentIdNumber.checkDigit("11010519491231002")).isEqualTo("X");
		assertThat(ResidentIdNumber.checkDigit("00000000000000000")).isEqualTo("1");
		// weights sum to 100, 100 mod 11 = 1 -> "0"
		assertThat(ResidentIdNumber.checkDigit("11111111111111111")).isEqualTo("0");
		// only the last digit set: 2 * 1 = 2 -> "X"; 2 * 5 = 10 -> "2"
		assertThat(ResidentIdNumber.checkDigit("00000000000000001")).isEqualTo("X");
		assertThat(ResidentIdNumber.checkDigit("00000000000000005")).isEqualTo("2");
	}

	@Test
	void checkDigitProducesAllElevenCharacters() {
		Set<String> seen = new HashSet<>();
		IntStream.range(0, 100).forEach(n -> seen.add(ResidentIdNumber.checkDigit(String.format("371002199001011%02d", n))));

		assertThat(seen).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "1101051949123100", "1101051949123100212", "110105194912310X" })
	void checkDigitRejectsAnythingButSeventeenDigits(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkDigit(input))
			.withMessage("Expected exactly 17 decimal digits");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "11010519491231002", "11010519491231002X1", "1101051949123100 2X" })
	void rejectsWrongLength(String text) {
		assertThat(reasonOf(text)).isEqualTo(Reason.LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1101051949123100AX", "A1010519491231002X", "11010519491231002Y",
			"11010519491231 02X", "１１0105194912310021" })
	void rejectsBadCharacters(String text) {
		assertThat(reasonOf(text)).isEqualTo(Reason.FORMAT);
	}

	@Test
	void formatMessageDoesNotLeakTheNumber() {
		InvalidIdNumberException ex = catchThrowableOfType(InvalidIdNumberException.class,
				() -> ResidentIdNumber.parse("1101051949123100AX"));

		assertThat(ex).hasMessage("Identity number must be 17 digits followed by a digit or X");
		assertThat(ex.getMessage()).doesNotContain("110105");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72",
			"80", "84", "90", "99" })
	void rejectsUnknownProvinces(String province) {
		assertThat(reasonOf(valid(province + "010519900101123"))).isEqualTo(Reason.PROVINCE);
	}

	@Test
	void acceptsAllProvincialCodes() {
		List<String> provinces = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
				"36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
				"65", "71", "81", "82", "83");

		assertThat(provinces).hasSize(35);
		for (String province : provinces) {
			assertThat(ResidentIdNumber.parse(valid(province + "000019900101123"), TODAY).regionCode())
				.isEqualTo(province + "0000");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19901301", "19900001", "19900100", "19900431", "18991231", "00000000",
			"20230229", "19000229", "21000229", "20260502" })
	void rejectsImpossibleOrOutOfRangeBirthDates(String birth) {
		assertThat(reasonOf(valid("371002" + birth + "123"))).isEqualTo(Reason.BIRTH_DATE);
	}

	@Test
	void acceptsBoundaryBirthDates() {
		assertThat(ResidentIdNumber.parse(valid("37100219000101123"), TODAY).birthDate())
			.isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(ResidentIdNumber.parse(valid("37100220260501123"), TODAY).birthDate()).isEqualTo(TODAY);
	}

	@Test
	void acceptsFebruary29OnlyInLeapYears() {
		assertThat(ResidentIdNumber.parse(valid("37100220000229123")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(ResidentIdNumber.parse(valid("37100219960229123")).birthDate()).isEqualTo(LocalDate.of(1996, 2, 29));
		assertThat(reasonOf(valid("37100219970229123"))).isEqualTo(Reason.BIRTH_DATE);
		assertThat(reasonOf(valid("37100219000229123"))).isEqualTo(Reason.BIRTH_DATE);
	}

	@Test
	void publicParseRejectsTomorrowUsingTheSystemClock() {
		LocalDate tomorrow = LocalDate.now().plusDays(1);
		String number = valid(String.format("371002%04d%02d%02d123", tomorrow.getYear(), tomorrow.getMonthValue(),
				tomorrow.getDayOfMonth()));

		InvalidIdNumberException ex = catchThrowableOfType(InvalidIdNumberException.class,
				() -> ResidentIdNumber.parse(number));

		assertThat(ex.reason()).isEqualTo(Reason.BIRTH_DATE);
		assertThat(ex).hasMessage("Identity number birth date must be between 1900-01-01 and today");
	}

	@Test
	void rejectsEveryWrongCheckCharacter() {
		String first17 = "37100219900101123";
		String correct = ResidentIdNumber.checkDigit(first17);
		for (char c : "0123456789X".toCharArray()) {
			if (String.valueOf(c).equals(correct)) {
				continue;
			}
			assertThat(reasonOf(first17 + c)).as("check %s", c).isEqualTo(Reason.CHECK_DIGIT);
		}
		assertThat(reasonOf("11010519491231002" + "1")).isEqualTo(Reason.CHECK_DIGIT);
	}

	@Test
	void detectsSingleDigitTypos() {
		String number = valid("37100219900101123");
		for (int position = 14; position < 17; position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (number.charAt(position) == digit) {
					continue;
				}
				String typo = number.substring(0, position) + digit + number.substring(position + 1);
				assertThat(reasonOf(typo)).isEqualTo(Reason.CHECK_DIGIT);
			}
		}
	}

	@Test
	void reportsTheFirstFailingCheck() {
		// unknown province and wrong check digit: province wins
		assertThat(reasonOf("990105199001011230")).isEqualTo(Reason.PROVINCE);
		// bad birth date and wrong check digit: birth date wins
		assertThat(reasonOf("371002199002301230")).isEqualTo(Reason.BIRTH_DATE);
		// letter inside and wrong length: length wins
		assertThat(reasonOf("37100A19900101123")).isEqualTo(Reason.LENGTH);
	}

	@Test
	void exceptionCarriesReasonAndRequiresOne() {
		InvalidIdNumberException ex = new InvalidIdNumberException(Reason.CHECK_DIGIT, "bad");

		assertThat(ex.reason()).isEqualTo(Reason.CHECK_DIGIT);
		assertThat(ex).hasMessage("bad").isInstanceOf(RuntimeException.class);
	}
}
