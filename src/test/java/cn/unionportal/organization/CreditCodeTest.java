package cn.unionportal.organization;

import cn.unionportal.organization.CreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/** A code with the given first 8 characters, an organization code and the right check character. */
	private static String code(String first8) {
		String body = first8 + "MA3C0000X";
		return body + CreditCode.checkCharacter(body);
	}

	@ParameterizedTest
	@CsvSource({ "91371002", "92371002", "93371003", "81371002", "89371000", "51100000", "11100000", "12370000",
			"31371082", "N1371002", "N3371002", "Y1371002", "A1371002", "71710000", "61820000", "52810000" })
	void acceptsEveryDepartmentWithItsCategoriesAndADivisionCode(String first8) {
		assertThat(CreditCode.problem(code(first8))).as(first8).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "B1371002, DEPARTMENT", "01371002, DEPARTMENT", "X1371002, DEPARTMENT", "M1371002, DEPARTMENT",
			"94371002, CATEGORY", "99371002, CATEGORY", "82371002, CATEGORY", "Y9371002, CATEGORY",
			"5A371002, CATEGORY", "91A71002, DIVISION", "91991002, DIVISION", "91001002, DIVISION",
			"91661002, DIVISION", "91101002, DIVISION", "91721002, DIVISION", "913710A2, DIVISION" })
	void saysWhichPartOfTheStructureIsWrong(String first8, Problem problem) {
		assertThat(CreditCode.problem(code(first8))).as(first8).contains(problem);
		assertThat(CreditCode.isValid(code(first8))).isFalse();
	}

	@Test
	void namesLengthCharactersAndCheckProblems() {
		assertThat(CreditCode.problem("91350100M000100Y4")).contains(Problem.LENGTH);
		assertThat(CreditCode.problem(null)).contains(Problem.LENGTH);
		assertThat(CreditCode.problem("91350100I000100Y43")).contains(Problem.CHARACTERS);
		assertThat(CreditCode.problem("91350100M000100Y44")).contains(Problem.CHECK);
		assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
		assertThat(CreditCode.categoriesOf('8')).isEqualTo("19");
		assertThat(CreditCode.categoriesOf('B')).isEmpty();
	}
}
