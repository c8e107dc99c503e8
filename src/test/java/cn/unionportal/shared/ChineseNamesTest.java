package cn.unionportal.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNamesTest {

	private static List<String> sortedByPersonKey(String... names) {
		List<String> list = new ArrayList<>(List.of(names));
		list.sort(Comparator.comparing(ChineseNames::personSortKey));
		return list;
	}

	@Test
	void surnamesSortInPinyinOrderNotByCodePoint() {
		// code point order would be 丁 万 从 于 仇 安 白 蔡 陈
		assertThat(sortedByPersonKey("丁", "万", "从", "于", "陈", "蔡", "白", "安"))
			.containsExactly("安", "白", "蔡", "陈", "从", "丁", "万", "于");
	}

	@Test
	void tonesThenStrokesBreakTiesBetweenSameSyllables() {
		// mā má mǎ mà: 妈 麻 马 骂
		assertThat(sortedByPersonKey("骂", "马", "麻", "妈")).containsExactly("妈", "麻", "马", "骂");
		// 汪 wāng before 王 wáng; a name sorts before its longer continuations
		assertThat(sortedByPersonKey("王建初", "王", "王安", "汪建")).containsExactly("汪建", "王", "王安", "王建初");
	}

	@Test
	void polyphonicSurnamesSortByTheirSurnameReading() {
		// 单 shàn (after 山 shān, before 尚 shàng), not dān (before 邓 dèng)
		assertThat(sortedByPersonKey("邓一", "单一", "尚一", "山一")).containsExactly("邓一", "山一", "单一", "尚一");
		// 曾 zēng after 张 zhāng? no: zeng < zhang; and not céng (before 陈 chén)
		assertThat(sortedByPersonKey("陈一", "曾一", "张一", "岑一")).containsExactly("岑一", "陈一", "曾一", "张一");
		// 解 xiè after 夏 xià, 仇 qiú after 秦 qín, 区 ōu after 欧 … 潘, 朴 piáo after 彭 péng
		assertThat(sortedByPersonKey("解", "夏", "薛")).containsExactly("夏", "解", "薛");
		assertThat(sortedByPersonKey("仇", "秦", "曲")).containsExactly("秦", "仇", "曲");
		assertThat(sortedByPersonKey("区", "钱", "潘")).containsExactly("区", "潘", "钱");
		assertThat(sortedByPersonKey("朴", "彭", "蒲")).containsExactly("彭", "朴", "蒲");
		// only the first character is a surname: 单 inside a given name keeps its everyday reading
		assertThat(ChineseNames.personSortKey("王单")).isEqualTo(ChineseNames.sortKey("王单"));
		assertThat(ChineseNames.personSortKey("单一")).isNotEqualTo(ChineseNames.personSortKey("善一"));
	}

	@Test
	void organizationNamesSortInPinyinOrder() {
		List<String> list = new ArrayList<>(List.of("文登区总工会", "环翠区总工会", "荣成市总工会", "乳山市总工会"));
		list.sort(Comparator.comparing(ChineseNames::sortKey));
		assertThat(list).containsExactly("环翠区总工会", "荣成市总工会", "乳山市总工会", "文登区总工会");
	}

	@Test
	void keysCoverInitialsFullAndMixedPinyin() {
		assertThat(ChineseNames.pinyinKeys("王建初")).contains("wjc", "wangjc", "wangjianchu")
			.doesNotContain("wangjianc");
		assertThat(ChineseNames.pinyinQuery("Wang JC")).contains("wangjc");
		assertThat(ChineseNames.pinyinQuery("wang jian chu")).contains("wangjianchu");
		assertThat(ChineseNames.pinyinQuery("xi'an")).contains("xian");
		assertThat(ChineseNames.pinyinQuery("王j")).isEmpty();
		assertThat(ChineseNames.pinyinQuery("13700001234")).isEmpty();
		assertThat(matches("王建初", "wjc")).isTrue();
		assertThat(matches("王建初", "wangjc")).isTrue();
		assertThat(matches("王建初", "wang jian chu")).isTrue();
		assertThat(matches("王建初", "WangJian")).isTrue();
		assertThat(matches("王建初", "wj")).isTrue();
		assertThat(matches("王建初", "wjx")).isFalse();
		assertThat(matches("王建初", "jc")).isFalse();
	}

	@Test
	void polyphonicCharactersMatchEveryReading() {
		assertThat(matches("单雄信", "sxx")).isTrue();
		assertThat(matches("单雄信", "shanxiongxin")).isTrue();
		assertThat(matches("单雄信", "danxx")).isTrue();
		assertThat(matches("曾国藩", "zgf")).isTrue();
		assertThat(matches("曾国藩", "cengguofan")).isTrue();
		assertThat(matches("解缙", "xiejin")).isTrue();
		assertThat(matches("解缙", "jiejin")).isTrue();
		assertThat(matches("区志明", "ouzm")).isTrue();
		assertThat(matches("朴正", "piaoz")).isTrue();
		assertThat(matches("仇英", "qiuying")).isTrue();
		assertThat(matches("吕明", "lvming")).isTrue();
	}

	@Test
	void keysStayBoundedForManyPolyphonicCharacters() {
		List<String> keys = ChineseNames.pinyinKeys("长行重单曾解区");
		assertThat(keys).hasSize(ChineseNames.MAX_KEYS);
		assertThat(keys.get(0)).hasSize(7);
		assertThat(ChineseNames.pinyinKeys("")).isEmpty();
		assertThat(ChineseNames.pinyinKeys("Tom 李")).contains("tomli", "toml");
	}

	@Test
	void sortKeysStayShortEnoughForTheirColumns() {
		assertThat(ChineseNames.personSortKey("欧".repeat(50)).length()).isLessThanOrEqualTo(800);
		assertThat(ChineseNames.sortKey("威海市经济技术开发区".repeat(10)).length()).isLessThanOrEqualTo(1600);
	}

	private static boolean matches(String name, String typed) {
		String query = ChineseNames.pinyinQuery(typed).orElseThrow();
		return ChineseNames.pinyinKeys(name).stream().anyMatch(key -> key.startsWith(query));
	}
}
