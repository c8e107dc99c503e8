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
		assertThat(pinyin.orderBy()).isEqualTo(" ORDER BY m.name_sort, m.id");
		MemberSearchSql chinese = MemberSearchSql.of(1, new MemberQuery("王j", null, null, null, null), null);
		assertThat(chinese.where()).contains("m.name LIKE").doesNotContain("member_pinyin");
	}
}
