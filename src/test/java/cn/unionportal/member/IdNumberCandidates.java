package cn.unionportal.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Enumerates the 18-character ID numbers (resident ID, residence permits, 2023 permanent
 * residence card: 6 region + 8 birth date + 3 sequence + 1 check, the sequence's last digit odd
 * for men) that agree with what someone has seen of one: the characters any masked form shows, a
 * birth date range (a whole year when only the birth year is known), the gender, and a guessed
 * region for the characters the masks hide (the organization's own district: the attacker's best
 * guess). Issue 8 requires at least 1,000 for everything a role that may not reveal can see.
 */
final class IdNumberCandidates {

	static final int LENGTH = 18;

	private IdNumberCandidates() {
	}

	/** Every position some mask shows, {@code '*'} where none does. */
	static String merge(String... masks) {
		char[] known = "*".repeat(LENGTH).toCharArray();
		for (String mask : masks) {
			if (mask.length() != LENGTH) {
				throw new IllegalArgumentException("not an 18-character mask: " + mask);
			}
			for (int i = 0; i < LENGTH; i++) {
				if (mask.charAt(i) != '*') {
					known[i] = Character.toUpperCase(mask.charAt(i));
				}
			}
		}
		return new String(known);
	}

	/** The numbers born in that year, see {@link #of(String, LocalDate, LocalDate, Gender, String)}. */
	static List<String> of(String seen, int birthYear, Gender gender, String regionGuess) {
		return of(seen, LocalDate.of(birthYear, 1, 1), LocalDate.of(birthYear, 12, 31), gender, regionGuess);
	}

	/**
	 * @param seen the merged masks ({@code '*'} unknown)
	 * @param bornFrom earliest birth date the visible values allow
	 * @param bornTo latest birth date
	 * @param gender the gender shown
	 * @param regionGuess the six characters assumed where the masks hide the region
	 */
	static List<String> of(String seen, LocalDate bornFrom, LocalDate bornTo, Gender gender, String regionGuess) {
		List<String> found = new ArrayList<>();
		String region = merge(seen).substring(0, 6).contains("*") ? regionGuess : seen.substring(0, 6);
		if (!agrees(region, seen, 0)) {
			return found;
		}
		for (LocalDate day = bornFrom; !day.isAfter(bornTo); day = day.plusDays(1)) {
			String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
			if (!agrees(date, seen, 6)) {
				continue;
			}
			for (int sequence = 0; sequence < 1000; sequence++) {
				if ((sequence % 2 == 1) != (gender == Gender.MALE)) {
					continue;
				}
				String digits = new String(new char[] { (char) ('0' + sequence / 100), (char) ('0' + sequence / 10 % 10),
						(char) ('0' + sequence % 10) });
				if (!agrees(digits, seen, 14)) {
					continue;
				}
				String first17 = region + date + digits;
				String number = first17 + ResidentIdNumber.checkDigit(first17);
				if (agrees(number.substring(17), seen, 17)) {
					found.add(number);
				}
			}
		}
		return found;
	}

	private static boolean agrees(String part, String seen, int offset) {
		for (int i = 0; i < part.length(); i++) {
			char shown = seen.charAt(offset + i);
			if (shown != '*' && shown != part.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
