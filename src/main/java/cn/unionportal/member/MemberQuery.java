package cn.unionportal.member;

/**
 * A member search. {@code text} is read as a card number, a mobile number or an ID number
 * (exact) when it looks like one, otherwise as the beginning of a name. Every field is optional.
 */
public record MemberQuery(String text, Long organizationId, EmploymentType employmentType, MemberStatus status,
		Sort sort) {

	/** The orders the list offers. */
	public enum Sort {
		NAME, JOIN_DATE_DESC, CARD_NUMBER
	}

	public MemberQuery {
		sort = sort == null ? Sort.NAME : sort;
	}
}
