package cn.unionportal.aid.files;

import java.time.LocalDateTime;

/** One evidence file of a household file, as the staff list shows it. */
public record AttachmentView(long id, String originalName, String contentType, long sizeBytes, String sha256,
		String uploadedBy, LocalDateTime uploadedAt) {

	/** The size for people ({@code 1.5 MB}). */
	public String size() {
		return AttachmentFiles.humanSize(sizeBytes);
	}
}
