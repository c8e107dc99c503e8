package cn.unionportal.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditCodeTest {

	@Test
	void acceptsPublishedValidCodes() {
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCode.isValid("91110000600037341L")).isTrue();
		assertThat(CreditCode.isValid(" 91350100m000100y43 ")).isTrue();
	}

	@Test
	void computesTheCheckCharacter() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(CreditCode.checkCharacter("91110000600037341")).isEqualTo('L');
	}

	@Test
	void catchesEverySingleCharacterTypoInTheBody() {
		String valid = "91350100M000100Y43";
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		for (int position = 0; position < 17; position++) {
			for (char replacement : alphabet.toCharArray()) {
				if (replacement == valid.charAt(position)) {
					continue;
				}
				String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
				assertThat(CreditCode.isValid(typo)).as(typo).isFalse();
			}
		}
	}

	@Test
	void rejectsWrongLengthAndForbiddenCharacters() {
		assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100Y433")).isFalse();
		assertThat(CreditCode.isValid("91350100I000100Y43")).isFalse();
		assertThat(CreditCode.isValid("913501A0M000100Y43")).isFalse();
		assertThat(CreditCode.isValid(null)).isFalse();
		assertThat(CreditCode.isValid("")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("123"));
	}
}
