package cn.unionportal.shared;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Chinese names in the order and with the search Chinese users expect: pinyin order with tones
 * and strokes as tie-breakers (ICU's Chinese collation, as phone contacts and office programs
 * sort) and search by pinyin initials ({@code wjc}), full pinyin ({@code wangjianchu}) or both
 * mixed ({@code wang jc}).
 * <p>
 * Both are computed once, when a name is written, and stored: the order as a {@linkplain #sortKey
 * sort key} whose plain byte order (PostgreSQL collation "C", H2) is the collation's order, so an
 * index serves a page sorted by name; the search as {@linkplain #pinyinKeys pinyin keys} matched
 * by prefix.
 */
public final class ChineseNames {

	/**
	 * Surnames whose surname reading differs from the character's everyday reading (the one the
	 * collation sorts by), each mapped to an unambiguous character read like the surname: 单 is
	 * sorted as shàn, not dān.
	 */
	private static final Map<Character, Character> SURNAME_READINGS = Map.ofEntries(Map.entry('单', '善'),
			Map.entry('曾', '增'), Map.entry('解', '谢'), Map.entry('仇', '求'), Map.entry('区', '欧'),
			Map.entry('朴', '瓢'), Map.entry('查', '渣'), Map.entry('盖', '葛'), Map.entry('乐', '岳'),
			Map.entry('覃', '秦'), Map.entry('缪', '妙'), Map.entry('翟', '宅'), Map.entry('召', '邵'),
			Map.entry('种', '虫'), Map.entry('繁', '婆'), Map.entry('员', '运'), Map.entry('长', '掌'));

	/** What a pinyin query may contain: Latin letters, spaces and syllable separators. */
	private static final Pattern PINYIN_QUERY = Pattern.compile("[A-Za-z][A-Za-z\\s']*");

	/** Pinyin keys kept per name at most (every reading of a name of many polyphonic characters). */
	static final int MAX_KEYS = 24;

	/** Longest pinyin key (a longer one is cut: it still matches every query up to this length). */
	public static final int MAX_KEY_LENGTH = 100;

	/** Longest {@link #pinyinText}: the size of the organization column. */
	public static final int MAX_TEXT_LENGTH = 2500;

	private static final Collator COLLATOR = Collator.getInstance(ULocale.SIMPLIFIED_CHINESE).freeze();

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private ChineseNames() {
	}

	/**
	 * The sort key of a person's name: the collation key, as hexadecimal text, of the name read with
	 * its surname reading (单 as shàn, 曾 as zēng…), then, for those surnames only, of the name itself,
	 * so that 单 and 善 keep a fixed order. Compared as plain text (byte order) these keys give ICU's
	 * Chinese (pinyin) order.
	 */
	public static String personSortKey(String name) {
		String text = name == null ? "" : name.strip();
		if (!text.isEmpty()) {
			Character reading = SURNAME_READINGS.get(text.charAt(0));
			if (reading != null) {
				// ICU's keys end with a terminator byte that occurs nowhere else, so no key is a prefix of
				// another: the appended key only ever decides between equal first keys
				return sortKey(reading + text.substring(1)) + sortKey(text);
			}
		}
		return sortKey(text);
	}

	/** The sort key of an organization's or a merchant's name (no surname reading). */
	public static String sortKey(String name) {
		return HexFormat.of().formatHex(COLLATOR.getCollationKey(name == null ? "" : name.strip()).toByteArray());
	}

	/**
	 * What a name can be found by, lower case: for every combination of the readings of its
	 * characters (polyphonic ones have several), the full pinyin of the first characters followed by
	 * the initials of the others, from none to all spelled out: 王建初 gives {@code wjc},
	 * {@code wangjc} and {@code wangjianchu} ({@code wangjianc} is a prefix of the last). A typed
	 * query matches when it is the prefix of one key. Letters and digits in the name stand for
	 * themselves; other characters are left out. At most {@value #MAX_KEYS} keys, the everyday readings first.
	 */
	public static List<String> pinyinKeys(String name) {
		List<List<String>> readings = new ArrayList<>();
		for (char c : (name == null ? "" : name).toCharArray()) {
			List<String> options = readingsOf(c);
			if (!options.isEmpty()) {
				readings.add(options);
			}
		}
		Set<String> keys = new LinkedHashSet<>();
		if (readings.isEmpty()) {
			return List.of();
		}
		for (List<String> combination : combinations(readings)) {
			for (int full = 0; full <= combination.size(); full++) {
				if (full == combination.size() - 1 && full > 0) {
					continue; // a prefix of the key with every syllable spelled out
				}
				StringBuilder key = new StringBuilder();
				for (int i = 0; i < combination.size(); i++) {
					String syllable = combination.get(i);
					key.append(i < full ? syllable : syllable.substring(0, 1));
				}
				keys.add(key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key.toString());
				if (keys.size() == MAX_KEYS) {
					return List.copyOf(keys);
				}
			}
		}
		return List.copyOf(keys);
	}

	/**
	 * The {@linkplain #pinyinKeys pinyin keys} of a name separated by spaces, for a search that
	 * finds a typed pinyin anywhere in the name ({@code LIKE '%hcq%'} finds 环翠区总工会 through its
	 * initials): fits {@value #MAX_TEXT_LENGTH} characters.
	 */
	public static String pinyinText(String name) {
		StringBuilder text = new StringBuilder();
		for (String key : pinyinKeys(name)) {
			if (text.length() + key.length() + 1 > MAX_TEXT_LENGTH) {
				break;
			}
			text.append(text.isEmpty() ? "" : " ").append(key);
		}
		return text.toString();
	}

	/**
	 * What was typed, as a pinyin key prefix ({@code "Wang JC"} → {@code wangjc}), when it is pinyin:
	 * Latin letters with spaces or apostrophes between syllables.
	 */
	public static Optional<String> pinyinQuery(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (!PINYIN_QUERY.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(text.replaceAll("[\\s']", "").toLowerCase(Locale.ROOT));
	}

	/** The readings of one character without tones ({@code ü} as {@code v}), the everyday one first. */
	private static List<String> readingsOf(char c) {
		if (c < 128) {
			return Character.isLetterOrDigit(c) ? List.of(String.valueOf(Character.toLowerCase(c))) : List.of();
		}
		try {
			String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (found == null) {
				return Character.isLetterOrDigit(c) ? List.of(String.valueOf(Character.toLowerCase(c))) : List.of();
			}
			Set<String> distinct = new LinkedHashSet<>();
			for (String reading : found) {
				if (!reading.isEmpty()) {
					distinct.add(reading);
				}
			}
			return List.copyOf(distinct);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every choice of one reading per character, the everyday readings first; bounded. */
	private static List<List<String>> combinations(List<List<String>> readings) {
		List<List<String>> result = new ArrayList<>();
		result.add(List.of());
		for (List<String> options : readings) {
			List<List<String>> next = new ArrayList<>();
			for (List<String> head : result) {
				for (String option : options) {
					if (next.size() == MAX_KEYS) {
						break;
					}
					List<String> combination = new ArrayList<>(head);
					combination.add(option);
					next.add(combination);
				}
			}
			result = next;
		}
		return result;
	}

	private static final Collator PRIMARY = primaryCollator();

	private static Collator primaryCollator() {
		Collator primary = Collator.getInstance(ULocale.SIMPLIFIED_CHINESE);
		primary.setStrength(Collator.PRIMARY);
		return primary.freeze();
	}

	/**
	 * The beginning (hexadecimal text) of the {@linkplain #personSortKey sort key} of every name that
	 * starts with the given Chinese characters, read with the surname reading as the key is: the
	 * characters' primary weights, which lead the collation key. Names sharing those weights may
	 * start otherwise (a search keeps its exact condition on the name); a name starting with the
	 * characters never has a key outside this beginning. Empty for anything but Han characters
	 * (letters and digits may be compressed or contracted in a key).
	 */
	public static Optional<String> personSortKeyStart(String prefix) {
		if (prefix == null || prefix.isEmpty()
				|| !prefix.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return Optional.empty();
		}
		Character reading = SURNAME_READINGS.get(prefix.charAt(0));
		String read = reading == null ? prefix : reading + prefix.substring(1);
		byte[] key = PRIMARY.getCollationKey(read).toByteArray();
		// the primary key ends with its terminator byte 00; the full key repeats the same weights first
		if (key.length < 2 || key[key.length - 1] != 0) {
			return Optional.empty();
		}
		String start = HexFormat.of().formatHex(key, 0, key.length - 1);
		return sortKey(read).startsWith(start) ? Optional.of(start) : Optional.empty();
	}
}
