package cn.unionportal.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages carried across a redirect (post/redirect/get) as message keys; the layout shows them.
 */
public final class FlashMessages {

	private FlashMessages() {
	}

	public static void success(RedirectAttributes attributes, String messageKey, Object... arguments) {
		attributes.addFlashAttribute("flashSuccess", messageKey);
		attributes.addFlashAttribute("flashArguments", arguments);
	}

	public static void error(RedirectAttributes attributes, String messageKey, Object... arguments) {
		attributes.addFlashAttribute("flashError", messageKey);
		attributes.addFlashAttribute("flashArguments", arguments);
	}
}
