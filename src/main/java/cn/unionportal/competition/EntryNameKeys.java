package cn.unionportal.competition;

import cn.unionportal.shared.ChineseNames;

/**
 * An entry's place in name order (issue 15): a team entry by its team's name, any other by its
 * contestant's name read with the surname reading (单 as shàn …), so that a trade's entries before
 * the ranking, and entries of equal rank, list in pinyin order.
 */
final class EntryNameKeys {

	private EntryNameKeys() {
	}

	static String of(String teamName, String contestantName) {
		if (teamName != null && !teamName.isBlank()) {
			return ChineseNames.sortKey(teamName);
		}
		return ChineseNames.personSortKey(contestantName);
	}
}
