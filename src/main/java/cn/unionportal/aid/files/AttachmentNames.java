package cn.unionportal.aid.files;

import cn.unionportal.shared.AttachmentType;
import java.util.Locale;

/**
 * File names of evidence as users gave them: kept for display and download only (never part of a
 * storage path), without directories, control or reserved characters and bidirectional overrides.
 */
public final class AttachmentNames {

	static final int MAX_LENGTH = 255;

	private static final String FALLBACK = "attachment";

	private AttachmentNames() {
	}

	static String sanitize(String name) {
		if (name == null) {
			return FALLBACK;
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(base.length());
		base.codePoints().filter(AttachmentNames::allowed).forEach(clean::appendCodePoint);
		String text = clean.toString().strip();
		if (text.isEmpty() || text.chars().allMatch(c -> c == '.')) {
			return FALLBACK;
		}
		if (text.length() > MAX_LENGTH) {
			int dot = text.lastIndexOf('.');
			String extension = dot > 0 && text.length() - dot <= 10 ? text.substring(dot) : "";
			text = text.substring(0, MAX_LENGTH - extension.length()) + extension;
		}
		return text;
	}

	/** The name to download under: the stored name, with the real type's extension added when it differs. */
	static String forDownload(String name, AttachmentType type) {
		String lower = name.toLowerCase(Locale.ROOT);
		boolean matches = switch (type) {
			case PDF -> lower.endsWith(".pdf");
			case JPEG -> lower.endsWith(".jpg") || lower.endsWith(".jpeg");
			case PNG -> lower.endsWith(".png");
		};
		return matches ? name : name + type.extension();
	}

	private static boolean allowed(int c) {
		return !Character.isISOControl(c) && "<>:\"/\\|?*".indexOf(c) < 0 && !(c >= 0x202A && c <= 0x202E)
				&& !(c >= 0x2066 && c <= 0x2069) && c != 0x200E && c != 0x200F;
	}
}
