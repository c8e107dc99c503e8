package cn.unionportal.member;

/**
 * Membership status. A move inside the federation is a transfer and keeps the member active;
 * {@link #TRANSFERRED_OUT} means the member left for a union outside the federation.
 */
public enum MemberStatus {
	ACTIVE, TRANSFERRED_OUT, LAPSED, DECEASED
}
