package cn.unionportal.member;

/** Where a transfer (转会) stands. */
public enum TransferStatus {
	PENDING, COMPLETED, DECLINED, CANCELLED
}
