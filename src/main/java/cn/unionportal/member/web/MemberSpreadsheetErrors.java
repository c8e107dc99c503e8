package cn.unionportal.member.web;

import cn.unionportal.shared.web.FlashMessages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Problems with an upload go back to the import page with a message, never to an error page.
 * Handles multipart problems of {@link MemberSpreadsheetController} only.
 */
@ControllerAdvice(assignableTypes = MemberSpreadsheetController.class)
class MemberSpreadsheetErrors {

	/** Must agree with {@code spring.servlet.multipart.max-file-size}. */
	static final int MAX_FILE_SIZE_MB = 100;

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	String uploadFailed(Exception problem, RedirectAttributes redirect) {
		if (problem instanceof MaxUploadSizeExceededException) {
			FlashMessages.error(redirect, "member.import.error.tooLarge", MAX_FILE_SIZE_MB);
		}
		else {
			FlashMessages.error(redirect, "member.import.error.empty");
		}
		return "redirect:/members/import";
	}

	/**
	 * Too large an upload fails while the request is parsed, before any controller is chosen, so
	 * an advice scoped to a controller never sees it: this one answers it for the import URL only
	 * and leaves every other URL to Spring's default handling (413).
	 */
	@ControllerAdvice
	static class UploadTooLarge {

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		String tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request,
				RedirectAttributes redirect) throws MaxUploadSizeExceededException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!"/members/import".equals(path)) {
				throw tooLarge;
			}
			FlashMessages.error(redirect, "member.import.error.tooLarge", MAX_FILE_SIZE_MB);
			return "redirect:/members/import";
		}
	}
}
