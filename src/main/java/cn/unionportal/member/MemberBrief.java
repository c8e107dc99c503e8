package cn.unionportal.member;

/** Who a member is, for other modules' lists (masked ID number only). */
public record MemberBrief(long id, String name, String idNumberMasked, String cardNumber, long organizationId,
		MemberStatus status) {
}
