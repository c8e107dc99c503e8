package cn.unionportal.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The evidence types accepted (aid evidence, award deeds), recognised by their first bytes (magic
 * numbers), never by the file name or the type the browser claims. Moved here from the aid module
 * so the award module checks uploads the same way.
 */
public enum AttachmentType {

	PDF("application/pdf", ".pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
	JPEG("image/jpeg", ".jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("image/png", ".png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

	/** Bytes needed to recognise every type. */
	public static final int HEADER_LENGTH = 8;

	private final String contentType;

	private final String extension;

	private final byte[] magic;

	AttachmentType(String contentType, String extension, byte[] magic) {
		this.contentType = contentType;
		this.extension = extension;
		this.magic = magic;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	/** The type whose signature starts {@code header}, or empty. */
	public static Optional<AttachmentType> sniff(byte[] header, int length) {
		return Arrays.stream(values())
			.filter(type -> length >= type.magic.length
					&& Arrays.equals(header, 0, type.magic.length, type.magic, 0, type.magic.length))
			.findFirst();
	}

	public static Optional<AttachmentType> ofContentType(String contentType) {
		return Arrays.stream(values()).filter(type -> type.contentType.equals(contentType)).findFirst();
	}
}
