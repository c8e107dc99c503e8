package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SyntheticPeopleTest {

	private static final Set<String> WEIHAI = Set.of("371002", "371003", "371082", "371083");
	private static final Set<String> REGIONS = Set.of("371002", "371003", "371082", "371083", "371302", "371321",
			"371702", "370102", "410102", "342201", "130102");
	private static final Set<String> EMPLOYMENT_TYPES = Set.of(SyntheticPeople.ON_THE_JOB,
			SyntheticPeople.MIGRANT_WORKER, SyntheticPeople.DISPATCHED, SyntheticPeople.NEW_EMPLOYMENT_FORM,
			SyntheticPeople.HIGH_LEVEL_TALENT);

	private static List<SyntheticPerson> draw(SyntheticPeople people, int count) {
		return Stream.generate(people::next).limit(count).toList();
	}

	@Test
	void sameSeedGivesSameSequence() {
		assertThat(draw(new SyntheticPeople(2026L), 500)).isEqualTo(draw(new SyntheticPeople(2026L), 500));
	}

	@Test
	void seedConstructorEqualsSplittableRandomWithThatSeed() {
		assertThat(draw(new SyntheticPeople(new SplittableRandom(7)), 50)).isEqualTo(draw(new SyntheticPeople(7), 50));
	}

	@Test
	void differentSeedsGiveDifferentSequences() {
		assertThat(draw(new SyntheticPeople(1), 20)).isNotEqualTo(draw(new SyntheticPeople(2), 20));
	}

	@Test
	void firstPersonForSeed42IsPinned() {
		assertThat(new SyntheticPeople(42).next()).isEqualTo(new SyntheticPerson("尹艳淑", "371302199603254523",
				Gender.FEMALE, LocalDate.of(1996, 3, 25), "15123239971", SyntheticPeople.MIGRANT_WORKER));
	}

	@Test
	void everyIdNumberIsValidAndAgreesWithGenderAndBirthDate() {
		for (SyntheticPerson person : draw(new SyntheticPeople(11), 20_000)) {
			ResidentIdNumber id = ResidentIdNumber.parse(person.idNumber());
			assertThat(id.value()).isEqualTo(person.idNumber());
			assertThat(id.gender()).isEqualTo(person.gender());
			assertThat(id.birthDate()).isEqualTo(person.birthDate());
			assertThat(id.regionCode()).isIn(REGIONS);
			assertThat(person.birthDate().getYear()).isBetween(1960, 2004);
		}
	}

	@Test
	void birthYearsCoverTheWholeRange() {
		Set<Integer> years = new HashSet<>();
		draw(new SyntheticPeople(5), 20_000).forEach(p -> years.add(p.birthDate().getYear()));

		assertThat(years).hasSize(2004 - 1960 + 1).contains(1960, 2004);
	}

	@Test
	void aboutOneInSixIsAMigrantWorker() {
		Map<String, Integer> counts = new HashMap<>();
		draw(new SyntheticPeople(99), 60_000).forEach(p -> counts.merge(p.employmentType(), 1, Integer::sum));

		assertThat(counts.keySet()).isEqualTo(EMPLOYMENT_TYPES);
		// expected 10,000, standard deviation about 91
		assertThat(counts.get(SyntheticPeople.MIGRANT_WORKER)).isBetween(9_600, 10_400);
		assertThat(counts.get(SyntheticPeople.ON_THE_JOB)).isBetween(33_500, 34_500);
		assertThat(counts.get(SyntheticPeople.HIGH_LEVEL_TALENT)).isBetween(1_800, 2_200);
	}

	@Test
	void migrantWorkersMostlyComeFromOutsideWeihaiAndOthersFromWeihai() {
		int migrants = 0;
		int migrantsFromWeihai = 0;
		int locals = 0;
		int localsFromWeihai = 0;
		for (SyntheticPerson person : draw(new SyntheticPeople(3), 30_000)) {
			boolean weihai = WEIHAI.contains(person.idNumber().substring(0, 6));
			if (person.employmentType().equals(SyntheticPeople.MIGRANT_WORKER)) {
				migrants++;
				migrantsFromWeihai += weihai ? 1 : 0;
			}
			else {
				locals++;
				localsFromWeihai += weihai ? 1 : 0;
			}
		}

		assertThat((double) migrantsFromWeihai / migrants).isBetween(0.10, 0.20);
		assertThat((double) localsFromWeihai / locals).isBetween(0.87, 0.93);
	}

	@Test
	void phonesAreElevenDigitMobilesWithRealPrefixes() {
		Set<String> prefixes = new HashSet<>();
		for (SyntheticPerson person : draw(new SyntheticPeople(8), 20_000)) {
			assertThat(person.phone()).matches("1(3[0-9]|5[0-35-9]|70|7[6-8]|8[0-9]|9[89])[0-9]{8}");
			prefixes.add(person.phone().substring(0, 3));
		}
		assertThat(prefixes).hasSize(10 + 4 + 5 + 1 + 3 + 10 + 2).doesNotContain("154", "171", "197");
	}

	@Test
	void namesAreSurnamePlusGenderedGivenName() {
		for (SyntheticPerson person : draw(new SyntheticPeople(21), 10_000)) {
			List<String> chars = person.name().codePoints().mapToObj(Character::toString).toList();
			List<String> pool = person.gender() == Gender.MALE ? SyntheticPeople.MALE_GIVEN
					: SyntheticPeople.FEMALE_GIVEN;
			assertThat(chars).hasSizeBetween(2, 3);
			assertThat(pool).containsAll(chars.subList(1, chars.size()));
		}
	}

	@Test
	void surnamesAreWeightedTowardsTheCommonOnes() {
		Map<String, Integer> counts = new HashMap<>();
		draw(new SyntheticPeople(4), 30_000).forEach(p -> counts.merge(p.name().substring(0, 1), 1, Integer::sum));

		assertThat(counts.get("王")).isGreaterThan(counts.get("杨")).isGreaterThan(counts.getOrDefault("文", 0));
		assertThat(counts.keySet()).hasSizeGreaterThan(90).doesNotContain("漕");
	}

	@Test
	void roughlyThirtyPercentHaveSingleCharacterGivenNames() {
		long shortNames = draw(new SyntheticPeople(6), 20_000).stream()
			.filter(p -> p.name().codePointCount(0, p.name().length()) == 2)
			.count();

		assertThat(shortNames).isBetween(5_600L, 6_400L);
	}

	@Test
	void genderSplitIsAboutFiftyTwoPercentMale() {
		long males = draw(new SyntheticPeople(12), 20_000).stream().filter(p -> p.gender() == Gender.MALE).count();

		assertThat(males).isBetween(10_100L, 10_700L);
	}

	@Test
	void givenNameListsAreDistinctAndAboutOneHundredFiftyCharacters() {
		assertThat(SyntheticPeople.MALE_GIVEN).doesNotHaveDuplicates();
		assertThat(SyntheticPeople.FEMALE_GIVEN).doesNotHaveDuplicates();
		Set<String> all = new HashSet<>(SyntheticPeople.MALE_GIVEN);
		all.addAll(SyntheticPeople.FEMALE_GIVEN);
		assertThat(all).hasSizeBetween(140, 170);
	}

	@Test
	void randomSourceIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> new SyntheticPeople(null)).withMessage("random");
	}
}
