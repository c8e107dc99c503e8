package cn.unionportal.aid.cases;

/** How aid reached the family. */
public enum PaymentChannel {
	BANK_TRANSFER, CASH, SOCIAL_SECURITY_CARD, IN_KIND
}
