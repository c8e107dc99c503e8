package cn.unionportal.member;

/**
 * The member registry's published SQL for other modules' lists that filter their rows by member
 * name or card number: a subquery on the registry's table, written here (the table's owner), so
 * that a list of, say, benefit enrolments can page over a name filter in one query without
 * fetching the ids of every matching member first (a common surname matches tens of thousands).
 */
public final class MemberMatches {

	private MemberMatches() {
	}

	/**
	 * {@code IN (...)} selecting the ids of members whose name contains the text or whose card
	 * number is the text. Bind {@code :q} to {@code SearchPatterns.contains(text)} and {@code :card}
	 * to the text stripped and upper-cased. Portable SQL (PostgreSQL and H2).
	 */
	public static final String NAME_OR_CARD = " IN (SELECT m.id FROM member m WHERE LOWER(m.name) LIKE :q ESCAPE '\\'"
			+ " OR m.card_number = :card)";
}
