package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.unionportal.shared.masking.Masking;
import org.junit.jupiter.api.Test;

/**
 * The candidate count of issue 8 on the mask alone: the last two characters with the birth year,
 * the gender and the right region guessed leave thousands of ID numbers; the old mask (first 6 and
 * last 4) left a few dozen with the birth year and exactly one with the birth date shown beside it.
 */
class IdNumberCandidatesTest {

	static String number(String first17) {
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	@Test
	void theMaskWithBirthYearGenderAndTheRightRegionLeavesThousandsForEveryKindOf18CharacterNumber() {
		for (String number : List.of(number("37100219900515123"), number("37100219840229002"),
				number("81000019770101456"), number("83000020001231987"), number("91115619880808001"),
				number("37108119651119041"))) {
			int birthYear = Integer.parseInt(number.substring(6, 10));
			Gender gender = (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
			List<String> candidates = IdNumberCandidates.of(Masking.idNumber(number), birthYear, gender,
					number.substring(0, 6));
			assertThat(candidates).as(number).contains(number);
			assertThat(candidates.size()).as(number).isGreaterThanOrEqualTo(1_000);
		}
	}

	@Test
	void everySyntheticPersonKeepsAtLeastAThousandCandidates() {
		int fewest = Integer.MAX_VALUE;
		SyntheticPeople people = new SyntheticPeople(11);
		for (int i = 0; i < 40; i++) {
			SyntheticPerson person = people.next();
			List<String> candidates = IdNumberCandidates.of(Masking.idNumber(person.idNumber()),
					person.birthDate().getYear(), person.gender(), person.idNumber().substring(0, 6));
			assertThat(candidates).contains(person.idNumber());
			fewest = Math.min(fewest, candidates.size());
		}
		assertThat(fewest).isGreaterThanOrEqualTo(1_000);
	}

	@Test
	void theOldMaskLeftAFewDozenWithTheBirthYearAndOneWithTheBirthDate() {
		String number = number("37100219900515123");
		String old = number.substring(0, 6) + "********" + number.substring(14);
		assertThat(IdNumberCandidates.of(old, 1990, Gender.MALE, "371002").size()).isLessThan(100);
		assertThat(IdNumberCandidates.of(old, LocalDate.of(1990, 5, 15), LocalDate.of(1990, 5, 15), Gender.MALE,
				"371002")).containsExactly(number);
	}

	@Test
	void anExactAgeBesideTheBirthYearWouldNarrowTheDatesTooFar() {
		// on 5 January, "born 1990, aged 36" means born 1-5 January: why pages show the year only
		String number = number("37100219900103123");
		assertThat(IdNumberCandidates.of(Masking.idNumber(number), LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 5),
				Gender.MALE, "371002").size()).isLessThan(1_000);
	}
}
