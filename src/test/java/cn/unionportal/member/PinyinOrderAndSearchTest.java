package cn.unionportal.member;

import cn.unionportal.support.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "By name" is pinyin order and pinyin finds names, on PostgreSQL: member lists and search, the
 * organization search and the partner merchant list, through their pages and the member service.
 */
@Transactional
class PinyinOrderAndSearchTest extends PostgresIntegrationTest {

	/** Distinct valid ID numbers for this test class (region 371082, born 1979). */
	private static final AtomicLong SEQUENCE = new AtomicLong(300);

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	long union;

	@BeforeEach
	void registerMembers() throws Exception {
		union = demo.org("大明国际控股有限公司威海分公司工会");
		for (String name : List.of("曾巩", "单雄信", "王建初", "山东明", "邓一鸣", "陈某", "安宁", "仇英", "秦岭")) {
			long n = SEQUENCE.incrementAndGet();
			String number = IdNumbers.resident("371082", 1979, n);
			mvc.perform(post("/members").param("name", name)
				.param("documentType", "RESIDENT_ID")
				.param("idNumber", number)
				.param("employmentType", "MIGRANT_WORKER")
				.param("organizationId", String.valueOf(union))
				.param("joinDate", "2024-03-01")
				.with(csrf())
				.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		}
	}

	private String page(String url, String user) throws Exception {
		return mvc.perform(get(url).with(demo.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String members(String q) throws Exception {
		return mvc.perform(get("/members").param("organization", String.valueOf(union)).param("q", q).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void membersByNameComeInPinyinOrderWithSurnameReadings() {
		CurrentUser wendeng = ImportTestSupport.user(users, "wendeng");
		List<String> names = names(wendeng, null);
		// 单 shàn after 山 shān, 曾 zēng after 王 wáng, 仇 qiú after 秦 qín
		assertThat(names).containsExactly("安宁", "陈某", "邓一鸣", "秦岭", "仇英", "山东明", "单雄信", "王建初", "曾巩");
	}

	@Test
	void pinyinInitialsFullAndMixedFindMembers() throws Exception {
		for (String q : List.of("wjc", "WJC", "wangjc", "wang jc", "wangjianchu", "wang jian chu", "wangjian")) {
			assertThat(members(q)).as(q).contains("王建初");
		}
		assertThat(members("wjx")).doesNotContain("王建初");
		// polyphonic characters match every reading
		for (String q : List.of("sxx", "shanxiongxin", "danxiongxin", "shan xx")) {
			assertThat(members(q)).as(q).contains("单雄信");
		}
		assertThat(members("zg")).contains("曾巩");
		assertThat(members("cenggong")).contains("曾巩");
		assertThat(members("qiuy")).contains("仇英");
		// the Chinese prefix still works, and pinyin stays within the scope
		assertThat(members("王建")).contains("王建初");
		assertThat(page("/members?q=wangjianchu", "huancui")).doesNotContain("王建初");
	}

	@Test
	void shortPinyinPrefixesAreStoredPerMemberAndFollowARename() {
		CurrentUser wendeng = ImportTestSupport.user(users, "wendeng");
		long id = jdbc.queryForObject("SELECT id FROM member WHERE name = '王建初'", Long.class);
		assertThat(jdbc.queryForList("SELECT prefix FROM member_pinyin_prefix WHERE member_id = ?", String.class, id))
			.containsExactlyInAnyOrder("w", "wj", "wjc", "wa", "wan", "wang", "wangj", "wangjc", "wangji");
		// one row per member and prefix, in pinyin order: 山 shān before 单 shàn
		assertThat(names(wendeng, "sh")).containsExactly("山东明", "单雄信");
		assertThat(names(wendeng, "s")).containsExactly("山东明", "单雄信");
		MemberView before = members.get(wendeng, id);
		members.update(wendeng, id, before.version(), new MemberData("沙建初", before.gender(), before.documentType(), null,
				null, null, before.employmentType(), before.organizationId(), before.joinDate()));
		assertThat(names(wendeng, "sh")).containsExactly("沙建初", "山东明", "单雄信");
		assertThat(names(wendeng, "wang")).isEmpty();
		assertThat(names(wendeng, "shajianchu")).containsExactly("沙建初");
	}

	@Test
	void aTransferredMemberIsFoundByPinyinInTheNewScopeOnly() {
		CurrentUser wendeng = ImportTestSupport.user(users, "wendeng");
		long id = jdbc.queryForObject("SELECT id FROM member WHERE name = '王建初'", Long.class);
		long other = jdbc.queryForObject("SELECT o.id FROM organization o JOIN organization_closure c ON c.descendant_id = o.id"
				+ " WHERE c.ancestor_id = ? AND o.type = 'GRASSROOTS_UNION' AND o.id <> ? ORDER BY o.id LIMIT 1", Long.class,
				wendeng.organizationId(), union);
		assertThat(members.startTransfer(wendeng, id, members.get(wendeng, id).version(), other, "调动")).isTrue();
		assertThat(names(wendeng, "wjc")).isEmpty();
		assertThat(members
			.search(wendeng, new MemberQuery("wjc", other, null, null, MemberQuery.Sort.NAME), PageRequest.of(0, 50))
			.getContent()
			.stream()
			.map(MemberSummary::name)).contains("王建初");
	}

	/** The names this class registered (and renamed) that the search finds, in the page's order. */
	private List<String> names(CurrentUser user, String q) {
		List<String> mine = List.of("曾巩", "单雄信", "王建初", "山东明", "邓一鸣", "陈某", "安宁", "仇英", "秦岭", "沙建初");
		return members
			.search(user, new MemberQuery(q, union, null, null, MemberQuery.Sort.NAME), PageRequest.of(0, 5000))
			.getContent()
			.stream()
			.map(MemberSummary::name)
			.filter(mine::contains)
			.toList();
	}

	@Test
	void organizationsAreFoundByPinyinAndListedInPinyinOrder() throws Exception {
		assertThat(page("/organizations?q=hcq", "admin")).contains("环翠区总工会");
		assertThat(page("/organizations?q=huancui", "admin")).contains("环翠区总工会");
		assertThat(page("/organizations?q=hcq", "wendeng")).doesNotContain("环翠区总工会");
		String federations = page("/organizations?q=zgh", "admin");
		// code point order would be 文 环 荣
		assertThat(federations.indexOf("环翠区总工会")).isPositive()
			.isLessThan(federations.indexOf("荣成市总工会"));
		assertThat(federations.indexOf("荣成市总工会")).isLessThan(federations.indexOf("文登区总工会"));
	}

	@Test
	void merchantsAreListedInPinyinOrder() throws Exception {
		List<String> stored = jdbc.queryForList("SELECT name FROM partner_merchant", String.class);
		List<String> expected = stored.stream()
			.sorted(java.util.Comparator.comparing(cn.unionportal.shared.ChineseNames::sortKey))
			.toList();
		assertThat(expected).isNotEqualTo(stored.stream().sorted().toList());
		String body = page("/benefits/merchants", "admin");
		List<Integer> positions = expected.stream().map(body::indexOf).toList();
		assertThat(positions).allMatch(i -> i > 0).isSorted();
	}
}
