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
		MemberSearchSql pinyin = MemberSearchSql.of(1, new MemberQuery("Wang JC", null, null, null, null), null);
		assertThat(pinyin.where()).contains("member_pinyin").doesNotContain("m.name LIKE");
		assertThat(pinyin.params()).containsEntry("pinyinFrom", "wangjc").containsEntry("pinyinTo", "wangjd");
		// up to four letters: one equality on the prefix rows, whose index comes in pinyin order
		MemberSearchSql initials = MemberSearchSql.of(1, new MemberQuery("LI", null, null, null, null), null);
		assertThat(initials.where()).contains("member_pinyin_prefix p JOIN member m").doesNotContain("k.pinyin");
		assertThat(initials.params()).containsEntry("pinyinHead", "li").doesNotContainKey("pinyinFrom");
		assertThat(pinyin.params()).containsEntry("pinyinHead", "wang");
		assertThat(pinyin.orderBy()).isEqualTo(" ORDER BY p.name_sort, p.member_id");
		assertThat(pinyin.memberOrder()).isEqualTo(" ORDER BY m.name_sort, m.id");
		MemberSearchSql chinese = MemberSearchSql.of(1, new MemberQuery("王j", null, null, null, null), null);
		assertThat(chinese.where()).contains("m.name LIKE").doesNotContain("member_pinyin");
	}

	@Test
	void everyPrefixOfUpToFourLettersIsKeptOnce() {
		assertThat(MemberPinyinKeys.prefixes(java.util.List.of("wjc", "wangjc", "wangjianchu")))
			.containsExactly("w", "wj", "wjc", "wa", "wan", "wang");
		assertThat(MemberPinyinKeys.prefixes(java.util.List.of())).isEmpty();
	}
}
