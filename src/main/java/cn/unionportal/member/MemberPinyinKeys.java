package cn.unionportal.member;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.shared.ChineseNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code member_pinyin}: each member's {@linkplain ChineseNames#pinyinKeys pinyin keys},
 * which a pinyin search ({@code wjc}, {@code wang jc}) matches by prefix on an index, and of
 * {@code member_pinyin_prefix}: their {@linkplain #prefixes short prefixes} with the member's sort
 * key, which answer a query of up to six letters in pinyin order from one index (V18, V32).
 * Written wherever a member's name is written: the form, the Excel import and the data generator.
 */
final class MemberPinyinKeys {

	/**
	 * Longest prefix kept in {@code member_pinyin_prefix} (its column size, V32): a query of up to six
	 * letters ({@code wangjc}, {@code wangy}) is one equality on the prefix index.
	 */
	static final int PREFIX_LENGTH = 6;

	/** Card numbers looked up at once (well under every driver's limit of bound parameters). */
	private static final int CHUNK = 1_000;

	private MemberPinyinKeys() {
	}

	/** Replaces one member's keys (after registering or renaming). */
	static void replace(JdbcClient jdbc, long memberId, String name, long organizationId) {
		jdbc.sql("DELETE FROM member_pinyin WHERE member_id = :id").param("id", memberId).update();
		jdbc.sql("DELETE FROM member_pinyin_prefix WHERE member_id = :id").param("id", memberId).update();
		List<String> keys = ChineseNames.pinyinKeys(name);
		for (String key : keys) {
			jdbc.sql("INSERT INTO member_pinyin (member_id, pinyin) VALUES (:id, :key)")
				.param("id", memberId)
				.param("key", key)
				.update();
		}
		String sort = ChineseNames.personSortKey(name);
		for (String prefix : prefixes(keys)) {
			jdbc.sql("INSERT INTO member_pinyin_prefix (member_id, prefix, name_sort, organization_id)"
					+ " VALUES (:id, :prefix, :sort, :organization)")
				.param("id", memberId)
				.param("prefix", prefix)
				.param("sort", sort)
				.param("organization", organizationId)
				.update();
		}
	}

	/** Keeps the prefixes' copy of the organization after a transfer. */
	static void moved(JdbcClient jdbc, long memberId, long organizationId) {
		jdbc.sql("UPDATE member_pinyin_prefix SET organization_id = :organization WHERE member_id = :id")
			.param("organization", organizationId)
			.param("id", memberId)
			.update();
	}

	/**
	 * Every prefix of one to {@value #PREFIX_LENGTH} letters of the keys, once:
	 * {@code [wjc, wangjc]} gives {@code w, wj, wjc, wa, wan, wang, wangj, wangjc}.
	 */
	static Set<String> prefixes(List<String> keys) {
		Set<String> prefixes = new LinkedHashSet<>();
		for (String key : keys) {
			for (int length = 1; length <= Math.min(PREFIX_LENGTH, key.length()); length++) {
				prefixes.add(key.substring(0, length));
			}
		}
		return prefixes;
	}

	/** Writes the keys of members just inserted in a batch, found by their card numbers. */
	static void insertForCards(JdbcTemplate jdbc, List<String> cards, List<String> names) {
		Map<String, String> nameByCard = new HashMap<>();
		for (int i = 0; i < cards.size(); i++) {
			nameByCard.put(cards.get(i), names.get(i));
		}
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> prefixRows = new ArrayList<>();
		for (int from = 0; from < cards.size(); from += CHUNK) {
			List<String> chunk = cards.subList(from, Math.min(cards.size(), from + CHUNK));
			String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			jdbc.query("SELECT id, card_number, organization_id FROM member WHERE card_number IN (" + marks + ")", rs -> {
				long id = rs.getLong(1);
				String name = nameByCard.get(rs.getString(2));
				List<String> keys = ChineseNames.pinyinKeys(name);
				for (String key : keys) {
					rows.add(new Object[] { id, key });
				}
				String sort = ChineseNames.personSortKey(name);
				for (String prefix : prefixes(keys)) {
					prefixRows.add(new Object[] { id, prefix, sort, rs.getLong(3) });
				}
			}, chunk.toArray());
		}
		jdbc.batchUpdate("INSERT INTO member_pinyin (member_id, pinyin) VALUES (?, ?)", rows);
		jdbc.batchUpdate("INSERT INTO member_pinyin_prefix (member_id, prefix, name_sort, organization_id) VALUES (?, ?, ?, ?)",
				prefixRows);
	}
}
