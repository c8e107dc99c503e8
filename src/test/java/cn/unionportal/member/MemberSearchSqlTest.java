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
}
