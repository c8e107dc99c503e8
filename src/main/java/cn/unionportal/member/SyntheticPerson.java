package cn.unionportal.member;

import java.time.LocalDate;

/**
 * A made-up person for demo data and tests, produced by {@link SyntheticPeople}.
 * All values are plausible but fictitious; the ID number passes
 * {@link ResidentIdNumber#parse(String)} and agrees with gender and birth date.
 *
 * @param name Chinese full name, surname first, 2 or 3 characters (3 or 4 for two-character surnames)
 * @param idNumber 18-character resident identity number
 * @param gender gender, matching the ID number
 * @param birthDate birth date, matching the ID number
 * @param phone 11-digit mainland mobile number
 * @param employmentType one of the {@code SyntheticPeople} employment type constants
 */
public record SyntheticPerson(String name, String idNumber, Gender gender, LocalDate birthDate, String phone,
		String employmentType) {
}
