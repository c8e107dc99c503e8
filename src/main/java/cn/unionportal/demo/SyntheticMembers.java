package cn.unionportal.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberBatchWriter;
import cn.unionportal.member.SyntheticPeople;
import cn.unionportal.member.SyntheticPerson;

/**
 * Member rows for the generator: people from {@link SyntheticPeople} (plausible names, Weihai ID
 * numbers, phones, about one in six migrant workers), each ID number used once, and a join date
 * between the 18th birthday (not before 2000) and the end of 2025. Deterministic for a seed.
 */
final class SyntheticMembers {

	static final LocalDate FIRST_JOIN = LocalDate.of(2000, 1, 1);

	static final LocalDate LAST_JOIN = LocalDate.of(2025, 12, 31);

	private final SyntheticPeople people;

	private final SplittableRandom random;

	/** The first 17 digits of every ID number handed out (the 18th follows from them). */
	private final Set<Long> issued = new HashSet<>();

	private int duplicatesSkipped;

	SyntheticMembers(long seed) {
		this.people = new SyntheticPeople(seed);
		this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
	}

	MemberBatchWriter.Row next(long organizationId) {
		SyntheticPerson person = people.next();
		while (!issued.add(Long.parseLong(person.idNumber().substring(0, 17)))) {
			duplicatesSkipped++;
			person = people.next();
		}
		LocalDate earliest = person.birthDate().plusYears(18);
		if (earliest.isBefore(FIRST_JOIN)) {
			earliest = FIRST_JOIN;
		}
		long span = LAST_JOIN.toEpochDay() - earliest.toEpochDay();
		LocalDate joined = earliest.plusDays(span <= 0 ? 0 : random.nextLong(span + 1));
		return new MemberBatchWriter.Row(person.name(), person.gender(), DocumentType.RESIDENT_ID, person.idNumber(),
				person.birthDate(), person.phone(), EmploymentType.valueOf(person.employmentType()), organizationId,
				joined);
	}

	/** How many generated people were skipped because their ID number had been used already. */
	int duplicatesSkipped() {
		return duplicatesSkipped;
	}
}
