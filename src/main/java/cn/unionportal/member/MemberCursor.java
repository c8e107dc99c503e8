package cn.unionportal.member;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyset paging of the member list: page {@code page} ended with the member {@code memberId}
 * ({@code after}: the pages behind it are read after that member's key) or began with it (the
 * pages before it are read before that key). A page reached this way costs what the first page
 * costs, however deep it is; a page link carries the cursor of the page it was shown on
 * ({@code at=3a1234}), and a page number alone (typed, or an old bookmark) is still read by offset.
 *
 * @param page the number (from 0) of the page the member was shown on
 * @param after whether the member was the last row of that page (else the first)
 * @param memberId the member whose key marks the position
 */
public record MemberCursor(int page, boolean after, long memberId) {

	private static final Pattern TOKEN = Pattern.compile("(\\d{1,9})([ab])(\\d{1,18})");

	/** The cursor of a page link, or empty for anything else (then the page is read by offset). */
	public static Optional<MemberCursor> parse(String token) {
		Matcher m = token == null ? null : TOKEN.matcher(token);
		if (m == null || !m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new MemberCursor(Integer.parseInt(m.group(1)), m.group(2).equals("a"),
				Long.parseLong(m.group(3))));
	}

	/** The cursor as a page link carries it. */
	public String token() {
		return page + (after ? "a" : "b") + memberId;
	}

	/**
	 * The rows between the marked member and the first row of page {@code target} (pages of
	 * {@code size} rows), or empty when the cursor does not lead there (a page on the other side).
	 */
	OptionalLong rowsToSkip(int target, int size) {
		if (after && target > page) {
			return OptionalLong.of((long) (target - page - 1) * size);
		}
		if (!after && target < page) {
			return OptionalLong.of((long) (page - target - 1) * size);
		}
		return OptionalLong.empty();
	}
}
