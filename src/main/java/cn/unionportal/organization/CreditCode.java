package cn.unionportal.organization;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z):
 * <ol>
 * <li>position 1, the registration department (登记管理部门代码) of the standard's table: 1 机构编制,
 * 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 中央军委改革和编制办公室,
 * N 农业, Y 其他;</li>
 * <li>position 2, the category (机构类别代码) that department registers, e.g. 9: 1 企业,
 * 2 个体工商户, 3 农民专业合作社; 8: 1 基层工会, 9 其他;</li>
 * <li>positions 3–8, the administrative division code (登记管理机关行政区划码) of the registering
 * office: six digits, a province prefix (11–65 as assigned, 71, 81, 82) or 100000 for national
 * registrations;</li>
 * <li>positions 9–17, the organization code, and position 18 the check character computed over
 * the first 17.</li>
 * </ol>
 * {@link #problem(String)} says which of these parts is wrong, so the form can say so.
 */
public final class CreditCode {

	/** The first part of a code that is wrong, in the order the code is read. */
	public enum Problem {
		/** not 18 characters */
		LENGTH,
		/** a character outside the 31-character alphabet */
		CHARACTERS,
		/** position 1 is not a registration department of the standard */
		DEPARTMENT,
		/** position 2 is not a category of that department */
		CATEGORY,
		/** positions 3–8 are not a division code */
		DIVISION,
		/** position 18 does not match the first 17 */
		CHECK
	}

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Registration department → the categories it registers (GB 32100-2015, table 1). */
	private static final Map<Character, String> CATEGORIES = Map.ofEntries(Map.entry('1', "1239"),
			Map.entry('2', "19"), Map.entry('3', "123459"), Map.entry('4', "19"), Map.entry('5', "1239"),
			Map.entry('6', "129"), Map.entry('7', "129"), Map.entry('8', "19"), Map.entry('9', "123"),
			Map.entry('A', "19"), Map.entry('N', "1239"), Map.entry('Y', "1"));

	/** Province prefixes of division codes (GB/T 2260), plus 10 for 100000, the national level. */
	private static final Set<String> PROVINCES = Set.of("10", "11", "12", "13", "14", "15", "21", "22", "23", "31",
			"32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
			"62", "63", "64", "65", "71", "81", "82");

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Upper-cases and strips white space; {@code null} and blank give {@code null}. */
	public static String normalize(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Whether the (normalized) code is well formed in every part and its check character is right. */
	public static boolean isValid(String code) {
		return problem(code).isEmpty();
	}

	/** The first wrong part of the (normalized) code, or empty for a valid code. */
	public static Optional<Problem> problem(String code) {
		String normalized = normalize(code);
		if (normalized == null || normalized.length() != 18) {
			return Optional.of(Problem.LENGTH);
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(normalized.charAt(i)) < 0) {
				return Optional.of(Problem.CHARACTERS);
			}
		}
		String categories = CATEGORIES.get(normalized.charAt(0));
		if (categories == null) {
			return Optional.of(Problem.DEPARTMENT);
		}
		if (categories.indexOf(normalized.charAt(1)) < 0) {
			return Optional.of(Problem.CATEGORY);
		}
		String division = normalized.substring(2, 8);
		if (!division.chars().allMatch(c -> c >= '0' && c <= '9') || !PROVINCES.contains(division.substring(0, 2))
				|| division.startsWith("10") && !division.equals("100000")) {
			return Optional.of(Problem.DIVISION);
		}
		if (checkCharacter(normalized.substring(0, 17)) != normalized.charAt(17)) {
			return Optional.of(Problem.CHECK);
		}
		return Optional.empty();
	}

	/** The categories a registration department registers ("1239" for 1), empty for an unknown department. */
	public static String categoriesOf(char department) {
		return CATEGORIES.getOrDefault(department, "");
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("a credit code body has 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}
}
