package cn.unionportal.member;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.shared.ChineseNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code member_pinyin}: each member's {@linkplain ChineseNames#pinyinKeys pinyin keys},
 * which a pinyin search ({@code wjc}, {@code wang jc}) matches by prefix on an index. Written
 * wherever a member's name is written: the form, the Excel import and the data generator.
 */
final class MemberPinyinKeys {

	/** Card numbers looked up at once (well under every driver's limit of bound parameters). */
	private static final int CHUNK = 1_000;

	private MemberPinyinKeys() {
	}

	/** Replaces one member's keys (after registering or renaming). */
	static void replace(JdbcClient jdbc, long memberId, String name) {
		jdbc.sql("DELETE FROM member_pinyin WHERE member_id = :id").param("id", memberId).update();
		for (String key : ChineseNames.pinyinKeys(name)) {
			jdbc.sql("INSERT INTO member_pinyin (member_id, pinyin) VALUES (:id, :key)")
				.param("id", memberId)
				.param("key", key)
				.update();
		}
	}

	/** Writes the keys of members just inserted in a batch, found by their card numbers. */
	static void insertForCards(JdbcTemplate jdbc, List<String> cards, List<String> names) {
		Map<String, String> nameByCard = new HashMap<>();
		for (int i = 0; i < cards.size(); i++) {
			nameByCard.put(cards.get(i), names.get(i));
		}
		List<Object[]> rows = new ArrayList<>();
		for (int from = 0; from < cards.size(); from += CHUNK) {
			List<String> chunk = cards.subList(from, Math.min(cards.size(), from + CHUNK));
			String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			jdbc.query("SELECT id, card_number FROM member WHERE card_number IN (" + marks + ")", rs -> {
				long id = rs.getLong(1);
				for (String key : ChineseNames.pinyinKeys(nameByCard.get(rs.getString(2)))) {
					rows.add(new Object[] { id, key });
				}
			}, chunk.toArray());
		}
		jdbc.batchUpdate("INSERT INTO member_pinyin (member_id, pinyin) VALUES (?, ?)", rows);
	}
}
