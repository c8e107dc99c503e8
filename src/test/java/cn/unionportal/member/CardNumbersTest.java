package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

	@ParameterizedTest
	@CsvSource({
			"2026, 123, WH26000001235",
			"2000, 1, WH00000000018",
			"2099, 99999999, WH99999999990",
			"2025, 4711, WH25000047115" })
	void formatsYearSequenceAndLuhnDigit(int year, long sequence, String expected) {
		assertThat(CardNumbers.format(year, sequence)).isEqualTo(expected);
		assertThat(CardNumbers.isValid(expected)).isTrue();
	}

	@Test
	void luhnDigitMatchesTheClassicExample() {
		assertThat(CardNumbers.luhnCheckDigit("7992739871")).isEqualTo(3);
	}

	@ParameterizedTest
	@CsvSource({ "2026, 0", "2026, -1", "2026, 100000000", "1999, 1", "2100, 1", "26, 1" })
	void formatRejectsOutOfRangeValues(int year, long sequence) {
		assertThatIllegalArgumentException().isThrownBy(() -> CardNumbers.format(year, sequence));
	}

	@Test
	void formatMessagesNameTheLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> CardNumbers.format(1999, 1))
			.withMessage("Card year must be between 2000 and 2099 but was 1999");
		assertThatIllegalArgumentException().isThrownBy(() -> CardNumbers.format(2026, 0))
			.withMessage("Card sequence must be between 1 and 99999999 but was 0");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"WH26000001235|WH26000001235",
			"wh26000001235|WH26000001235",
			" WH 2600 0001 235 |WH26000001235",
			"wh26-0000-0123-5|WH26000001235",
			"WH26\u30000000\uFF0D01235|WH26000001235",
			"abc|ABC" })
	void normalizesSeparatorsAndCase(String input, String expected) {
		assertThat(CardNumbers.normalize(input)).isEqualTo(expected);
	}

	@Test
	void normalizeOfNullIsEmpty() {
		assertThat(CardNumbers.normalize(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "wh26000001235", "wh26-0000-0123-5", " WH 2600 0001 235 " })
	void acceptsNormalizableInput(String input) {
		assertThat(CardNumbers.isValid(input)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "WH2600000123", "WH260000012355", "XX26000001235", "W26000001235",
			"WH2600000123A", "26000001235", "WHX6000001235", "WH26000001234" })
	void rejectsMalformedOrWrongCheckDigit(String input) {
		assertThat(CardNumbers.isValid(input)).isFalse();
	}

	@Test
	void detectsEverySingleDigitSubstitution() {
		String card = CardNumbers.format(2026, 123);
		int checked = 0;
		for (int position = 2; position < card.length(); position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (card.charAt(position) == digit) {
					continue;
				}
				String typo = card.substring(0, position) + digit + card.substring(position + 1);
				assertThat(CardNumbers.isValid(typo)).as(typo).isFalse();
				checked++;
			}
		}
		assertThat(checked).isEqualTo(11 * 9);
	}

	@Test
	void detectsAdjacentTranspositionsExceptZeroNine() {
		String card = CardNumbers.format(2037, 49_158_260);
		int detected = 0;
		for (int position = 2; position < card.length() - 1; position++) {
			char a = card.charAt(position);
			char b = card.charAt(position + 1);
			if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
				continue;
			}
			String swapped = card.substring(0, position) + b + a + card.substring(position + 2);
			assertThat(CardNumbers.isValid(swapped)).as(swapped).isFalse();
			detected++;
		}
		assertThat(detected).isGreaterThanOrEqualTo(9);
	}

	@Test
	void zeroNineTranspositionIsTheKnownLuhnBlindSpot() {
		String card = CardNumbers.format(2026, 90);
		String swapped = card.replace("WH2600000090", "WH2600000009");

		assertThat(card).startsWith("WH2600000090");
		assertThat(CardNumbers.isValid(swapped)).isTrue();
	}
}
