package cn.unionportal.member;

/** Where an Excel import stands (as in the check constraint of table {@code member_import}). */
public enum MemberImportStatus {

	/** Uploaded and waiting for a free import thread. */
	QUEUED,

	/** Rows are being read and written. */
	RUNNING,

	/** Every row was either imported or rejected. */
	DONE,

	/** Stopped early (unreadable file, interrupted); batches written before stay complete. */
	FAILED;

	public boolean isFinished() {
		return this == DONE || this == FAILED;
	}
}
