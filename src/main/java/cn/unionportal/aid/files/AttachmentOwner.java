package cn.unionportal.aid.files;

/**
 * The household file an attachment belongs to, as far as the attachment pages need it: whose it is
 * and which organization it lies in (for the scope check and the audit trail).
 */
public record AttachmentOwner(long fileId, long memberId, String memberName, long organizationId,
		String organizationName, FileStatus status) {
}
