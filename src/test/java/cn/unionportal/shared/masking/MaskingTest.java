package cn.unionportal.shared.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n", "\u3000" })
	void nullAndBlankBecomeEmpty(String value) {
		assertThat(Masking.idNumber(value)).isEmpty();
		assertThat(Masking.phone(value)).isEmpty();
		assertThat(Masking.name(value)).isEmpty();
		assertThat(Masking.bankCard(value)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"37100219900101123X, ****************3X",
			"11010519491231002x, ****************2x",
			"' 810000199001011234 ', ****************34",
			"USA310119800101, *************01",
			"H12345678, *******78",
			"AB1234, ****34",
			"ABC, **C",
			"AB, **",
			"A, *" })
	void masksIdNumbers(String value, String expected) {
		assertThat(Masking.idNumber(value)).isEqualTo(expected);
	}

	@Test
	void idNumbersShowAtMostTheLastTwoAndNeverMoreThanAThird() {
		String value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		for (int length = 1; length <= value.length(); length++) {
			String masked = Masking.idNumber(value.substring(0, length));
			long visible = masked.chars().filter(c -> c != '*').count();
			assertThat(masked).hasSize(length);
			assertThat(visible).as("length %d", length).isLessThanOrEqualTo(Math.min(2, length / 3));
			assertThat(masked).startsWith("*".repeat(length - (int) visible));
		}
	}

	@ParameterizedTest
	@CsvSource({
			"13812345678, 138****5678",
			"'138 1234 5678', 138****5678",
			"138-1234-5678, 138****5678",
			"0631-5201234, ********1234",
			"12345, ****5",
			"23812345678, ********678" })
	void masksPhones(String value, String expected) {
		assertThat(Masking.phone(value)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({
			"王建初, 王*初",
			"王芳, 王*",
			"王, *",
			"欧阳娜娜, 欧**娜",
			"' 李 ', *",
			"阿依古丽·买买提, 阿******提",
			"Li, L*" })
	void masksNames(String value, String expected) {
		assertThat(Masking.name(value)).isEqualTo(expected);
	}

	@Test
	void masksNamesByCodePointNotByUtf16Unit() {
		String surrogate = "\uD840\uDC0B";
		assertThat(Masking.name(surrogate + "建初")).isEqualTo(surrogate + "*初");
		assertThat(Masking.name("王" + surrogate)).isEqualTo("王*");
	}

	@ParameterizedTest
	@CsvSource({
			"6222021234567890123, ***************0123",
			"6222 0212 3456 7890, ************7890",
			"6222-0212-3456-7890, ************7890",
			"123456, ****56" })
	void masksBankCards(String value, String expected) {
		assertThat(Masking.bankCard(value)).isEqualTo(expected);
	}
}
