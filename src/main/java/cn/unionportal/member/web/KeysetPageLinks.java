package cn.unionportal.member.web;

import java.util.List;

import cn.unionportal.member.MemberCursor;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;

/**
 * The member list's pager ({@code fragments/parts :: pagination} reads the same properties as of
 * {@link PageLinks}): the links to later pages carry the cursor "after this page's last member",
 * the links to earlier pages "before its first member" ({@link MemberCursor}), so every page
 * reached through the pager is read by its key, as cheaply as the first one.
 */
record KeysetPageLinks(int number, int totalPages, long totalElements, List<Integer> window, String baseUrl,
		String parameter, String cursorParameter, Long firstId, Long lastId) {

	static KeysetPageLinks of(Page<MemberSummary> page, String baseUrl, String cursorParameter) {
		PageLinks links = PageLinks.of(page, baseUrl);
		List<MemberSummary> rows = page.getContent();
		return new KeysetPageLinks(links.number(), links.totalPages(), links.totalElements(), links.window(),
				links.baseUrl(), links.parameter(), cursorParameter, rows.isEmpty() ? null : rows.get(0).id(),
				rows.isEmpty() ? null : rows.get(rows.size() - 1).id());
	}

	public String href(int page) {
		String href = baseUrl + parameter + "=" + page;
		if (page > number && lastId != null) {
			return href + "&" + cursorParameter + "=" + new MemberCursor(number, true, lastId).token();
		}
		if (page < number && firstId != null) {
			return href + "&" + cursorParameter + "=" + new MemberCursor(number, false, firstId).token();
		}
		return href;
	}

	public boolean hasPrevious() {
		return number > 0;
	}

	public boolean hasNext() {
		return number + 1 < totalPages;
	}
}
