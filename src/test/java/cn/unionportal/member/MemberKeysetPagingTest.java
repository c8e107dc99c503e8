package cn.unionportal.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keyset paging of the member list, on PostgreSQL: a page read after (or before) a neighbouring
 * page's member holds exactly the rows the offset gives, in every order (pinyin by name, newest
 * first, card number) and for a pinyin search read from the prefix rows; a cursor of a member
 * outside the user's scope is ignored; the pager's links carry the cursor and lead to the same
 * rows.
 */
class MemberKeysetPagingTest extends PostgresIntegrationTest {

	private static final int SIZE = 7;

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	private List<Long> ids(CurrentUser user, MemberQuery query, int page, MemberCursor cursor) {
		return members.search(user, query, PageRequest.of(page, SIZE), cursor).map(MemberSummary::id).getContent();
	}

	private void assertKeysetEqualsOffset(CurrentUser user, MemberQuery query) {
		List<List<Long>> byOffset = new ArrayList<>();
		for (int page = 0; page < 6; page++) {
			byOffset.add(ids(user, query, page, null));
		}
		assertThat(byOffset.get(5)).as("the query has six full pages").hasSize(SIZE);
		for (int page = 0; page < 5; page++) {
			List<Long> current = byOffset.get(page);
			MemberCursor after = new MemberCursor(page, true, current.get(SIZE - 1));
			assertThat(ids(user, query, page + 1, after)).as("page %d after page %d", page + 1, page)
				.isEqualTo(byOffset.get(page + 1));
			if (page + 2 < 6) {
				assertThat(ids(user, query, page + 2, after)).as("page %d two after page %d", page + 2, page)
					.isEqualTo(byOffset.get(page + 2));
			}
		}
		for (int page = 5; page > 0; page--) {
			MemberCursor before = new MemberCursor(page, false, byOffset.get(page).get(0));
			assertThat(ids(user, query, page - 1, before)).as("page %d before page %d", page - 1, page)
				.isEqualTo(byOffset.get(page - 1));
			if (page - 2 >= 0) {
				assertThat(ids(user, query, page - 2, before)).isEqualTo(byOffset.get(page - 2));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(MemberQuery.Sort.class)
	void keysetPagesHoldTheRowsOfTheOffsetPagesInEveryOrder(MemberQuery.Sort sort) {
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		assertKeysetEqualsOffset(admin, new MemberQuery(null, null, null, null, sort));
		assertKeysetEqualsOffset(admin, new MemberQuery(null, null, null, MemberStatus.ACTIVE, sort));
	}

	@Test
	void pinyinSearchesPageByKeyToo() {
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		// read from the prefix rows alone (no member filter) and joined to the member rows
		assertKeysetEqualsOffset(admin, new MemberQuery("w", null, null, null, MemberQuery.Sort.NAME));
		assertKeysetEqualsOffset(admin, new MemberQuery("l", null, null, MemberStatus.ACTIVE, MemberQuery.Sort.NAME));
		assertKeysetEqualsOffset(admin, new MemberQuery("z", null, null, null, MemberQuery.Sort.JOIN_DATE_DESC));
	}

	@Test
	void aCursorOfAMemberOutsideTheScopeIsIgnored() {
		CurrentUser wendeng = ImportTestSupport.user(users, "wendeng");
		MemberQuery byName = new MemberQuery(null, null, null, null, MemberQuery.Sort.NAME);
		// the last member by name outside 文登: read after its key, page 1 would be (nearly) empty
		long outsider = jdbc.queryForObject("SELECT m.id FROM member m WHERE m.organization_id NOT IN"
				+ " (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ?) ORDER BY m.name_sort DESC LIMIT 1",
				Long.class, wendeng.organizationId());
		List<Long> byOffset = ids(wendeng, byName, 1, null);
		assertThat(byOffset).hasSize(SIZE);
		assertThat(ids(wendeng, byName, 1, new MemberCursor(0, true, outsider))).isEqualTo(byOffset);
	}

	@Test
	void cursorsOnlyComeFromPageLinks() {
		assertThat(MemberCursor.parse("3a1234")).contains(new MemberCursor(3, true, 1234));
		assertThat(MemberCursor.parse("0b7")).contains(new MemberCursor(0, false, 7));
		assertThat(MemberCursor.parse("3c1234")).isEmpty();
		assertThat(MemberCursor.parse("a1234")).isEmpty();
		assertThat(MemberCursor.parse("1a2 OR 1=1")).isEmpty();
		assertThat(MemberCursor.parse(null)).isEmpty();
		assertThat(new MemberCursor(4, true, 99).token()).isEqualTo("4a99");
		// the cursor leads only to pages on its side
		assertThat(new MemberCursor(4, true, 99).rowsToSkip(5, 20)).hasValue(0);
		assertThat(new MemberCursor(4, true, 99).rowsToSkip(6, 20)).hasValue(20);
		assertThat(new MemberCursor(4, true, 99).rowsToSkip(4, 20)).isEmpty();
		assertThat(new MemberCursor(4, false, 99).rowsToSkip(2, 20)).hasValue(20);
		assertThat(new MemberCursor(4, false, 99).rowsToSkip(5, 20)).isEmpty();
	}

	@Test
	void thePagerLinksCarryTheCursorAndLeadToTheSameRows() throws Exception {
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		MemberQuery byName = new MemberQuery(null, null, null, null, MemberQuery.Sort.NAME);
		String first = page("/members?sort=NAME");
		List<Long> pageZero = members.search(admin, byName, PageRequest.of(0, 20)).map(MemberSummary::id).getContent();
		Matcher next = Pattern.compile("href=\"(/members\\?sort=NAME&amp;page=1&amp;at=0a(\\d+))\"").matcher(first);
		assertThat(next.find()).as("the link to page 2 carries the cursor").isTrue();
		assertThat(Long.parseLong(next.group(2))).isEqualTo(pageZero.get(19));
		String second = page(next.group(1).replace("&amp;", "&"));
		List<MemberSummary> pageOne = members.search(admin, byName, PageRequest.of(1, 20)).getContent();
		for (MemberSummary m : pageOne) {
			assertThat(second).contains("/members/" + m.id() + "\"");
		}
		// and back: the link to page 1 from page 2 reads before page 2's first member
		assertThat(second).contains("page=0&amp;at=1b" + pageOne.get(0).id());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(demo.as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
