package cn.unionportal.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name prefix also becomes a range [prefix, after(prefix)) that holds exactly the names starting
 * with it, in code point order.
 */
class MemberSearchSqlTest {

	@Test
	void theUpperBoundIsTheLeastStringAboveEveryNameWithThePrefix() {
		assertThat(MemberSearchSql.after("王")).isEqualTo("玌");
		assertThat(MemberSearchSql.after("王伟")).isEqualTo("王传");
		assertThat(MemberSearchSql.after("ab")).isEqualTo("ac");
		assertThat(MemberSearchSql.after("𠀀")).isEqualTo("𠀁");
		assertThat(MemberSearchSql.after("a\uD7FF")).isEqualTo("a\uE000");
	}

	@Test
	void lettersSearchThePinyinKeysAndByNameIsPinyinOrder() {
		MemberSearchSql pinyin = MemberSearchSql.of(1, new MemberQuery("Wang Jian C", null, null, null, null), null);
		assertThat(pinyin.where()).contains("member_pinyin").doesNotContain("m.name LIKE");
		assertThat(pinyin.params()).containsEntry("pinyinFrom", "wangjianc").containsEntry("pinyinTo", "wangjiand");
		// up to six letters: one equality on the prefix rows, whose index comes in pinyin order
		for (String typed : java.util.List.of("LI", "Wang JC", "wangy")) {
			MemberSearchSql prefix = MemberSearchSql.of(1, new MemberQuery(typed, null, null, null, null), null);
			assertThat(prefix.where()).as(typed).contains("member_pinyin_prefix p JOIN member m").doesNotContain("k.pinyin");
			assertThat(prefix.params()).as(typed).doesNotContainKey("pinyinFrom");
		}
		assertThat(MemberSearchSql.of(1, new MemberQuery("Wang JC", null, null, null, null), null).params())
			.containsEntry("pinyinHead", "wangjc");
		assertThat(pinyin.params()).containsEntry("pinyinHead", "wangji");
		assertThat(pinyin.orderBy()).isEqualTo(" ORDER BY p.name_sort, p.member_id");
		assertThat(pinyin.memberOrder()).isEqualTo(" ORDER BY m.name_sort, m.id");
		MemberSearchSql chinese = MemberSearchSql.of(1, new MemberQuery("王j", null, null, null, null), null);
		assertThat(chinese.where()).contains("m.name >= :nameFrom").doesNotContain("member_pinyin");
		// the range alone holds exactly the names with the prefix: no LIKE beside it
		assertThat(chinese.where()).doesNotContain("LIKE");
		assertThat(MemberSearchSql.exactRange("王")).isTrue();
		assertThat(MemberSearchSql.exactRange("𠀀")).isTrue();
		// past the surrogates the bound skips code points: LIKE keeps the prefix exact
		assertThat(MemberSearchSql.exactRange("a\uD7FF")).isFalse();
		assertThat(MemberSearchSql.of(1, new MemberQuery("王\uD7FF", null, null, null, null), null).where())
			.contains("m.name LIKE");
	}

	@Test
	void everyPrefixOfUpToSixLettersIsKeptOnce() {
		assertThat(MemberPinyinKeys.prefixes(java.util.List.of("wjc", "wangjc", "wangjianchu")))
			.containsExactly("w", "wj", "wjc", "wa", "wan", "wang", "wangj", "wangjc", "wangji");
		assertThat(MemberPinyinKeys.prefixes(java.util.List.of())).isEmpty();
	}

	@Test
	void aChinesePrefixByNameAlsoReadsTheSortKeysOfSuchNamesOnly() {
		for (String name : java.util.List.of("王", "王伟", "王建初", "王王", "汪洋", "单雄信", "曾巩", "鞠萍", "于丽")) {
			String prefix = name.substring(0, 1);
			java.util.Optional<String> start = cn.unionportal.shared.ChineseNames.personSortKeyStart(prefix);
			assertThat(start).as(prefix).isPresent();
			assertThat(cn.unionportal.shared.ChineseNames.personSortKey(name)).as(name).startsWith(start.get());
			if (name.length() > 1) {
				assertThat(cn.unionportal.shared.ChineseNames.personSortKey(name))
					.startsWith(cn.unionportal.shared.ChineseNames.personSortKeyStart(name).orElseThrow());
			}
		}
		// a name starting otherwise is outside the range of 王 (汪 is read wāng as well)
		String wang = cn.unionportal.shared.ChineseNames.personSortKeyStart("王").orElseThrow();
		assertThat(cn.unionportal.shared.ChineseNames.personSortKey("汪洋")).doesNotStartWith(wang);
		// letters and digits are not Han characters: no range
		assertThat(cn.unionportal.shared.ChineseNames.personSortKeyStart("王a")).isEmpty();
		assertThat(cn.unionportal.shared.ChineseNames.personSortKeyStart("")).isEmpty();

		MemberSearchSql byName = MemberSearchSql.of(1, new MemberQuery("王", null, null, null, MemberQuery.Sort.NAME), null,
				false);
		assertThat(byName.pageCondition()).contains("m.name_sort >= :sortFrom");
		assertThat(byName.params()).containsEntry("sortFrom", wang).containsEntry("sortTo", MemberSearchSql.after(wang));
		assertThat(byName.where()).doesNotContain("name_sort");
		MemberSearchSql byJoinDate = MemberSearchSql.of(1,
				new MemberQuery("王", null, null, null, MemberQuery.Sort.JOIN_DATE_DESC), null, false);
		assertThat(byJoinDate.pageCondition()).isEmpty();
	}

	@Test
	void aPinyinSearchByNameWithoutMemberFiltersReadsThePrefixRowsAlone() {
		MemberSearchSql alone = MemberSearchSql.of(1, new MemberQuery("li", null, null, null, null), null, false);
		assertThat(alone.where()).doesNotContain("JOIN member m").doesNotContain("m.");
		assertThat(alone.idColumn()).isEqualTo("p.member_id");
		MemberSearchSql filtered = MemberSearchSql.of(1,
				new MemberQuery("li", null, EmploymentType.DISPATCHED, null, null), null, false);
		assertThat(filtered.where()).contains("JOIN member m").contains("m.employment_type");
		assertThat(filtered.idColumn()).isEqualTo("m.id");
		// the export selects member columns: always joined
		assertThat(MemberSearchSql.of(1, new MemberQuery("li", null, null, null, null), null).where())
			.contains("JOIN member m");
	}

	@Test
	void keysetConditionsFollowTheOrder() {
		MemberSearchSql byName = MemberSearchSql.of(1, new MemberQuery(null, null, null, null, MemberQuery.Sort.NAME), null);
		assertThat(byName.keyset(true).condition()).isEqualTo(" AND (m.name_sort, m.id) > (:key0, :key1)");
		assertThat(byName.keyset(false).order()).isEqualTo(" ORDER BY m.name_sort DESC, m.id DESC");
		MemberSearchSql newest = MemberSearchSql.of(1,
				new MemberQuery(null, null, null, null, MemberQuery.Sort.JOIN_DATE_DESC), null);
		assertThat(newest.keyset(true).condition()).isEqualTo(" AND (m.join_date, m.id) < (:key0, :key1)");
		assertThat(newest.keyset(true).order()).isEqualTo(" ORDER BY m.join_date DESC, m.id DESC");
		assertThat(newest.keyset(false).order()).isEqualTo(" ORDER BY m.join_date, m.id");
		MemberSearchSql byCard = MemberSearchSql.of(1,
				new MemberQuery(null, null, null, null, MemberQuery.Sort.CARD_NUMBER), null);
		assertThat(byCard.keyset(true).condition()).isEqualTo(" AND m.card_number > :key0");
	}
}
