package cn.unionportal.aid.web;

import java.nio.charset.StandardCharsets;

import cn.unionportal.aid.files.AttachmentDownload;
import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.files.AttachmentStore;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence attachments of a household file: the list with the upload form, uploads (type checked
 * by content), downloads (always as attachments, never rendered inline) and deletion by
 * administrators. Scope is checked by {@link AttachmentStore}.
 */
@Controller
@RequestMapping("/aid/files/{fileId}/attachments")
class AttachmentController {

	private final AttachmentStore attachments;

	private final AidPermissions permissions;

	AttachmentController(AttachmentStore attachments, AidPermissions permissions) {
		this.permissions = permissions;
		this.attachments = attachments;
	}

	@GetMapping
	String listAttachments(CurrentUser user, @PathVariable long fileId, Model model) {
		model.addAttribute("owner", attachments.owner(user, fileId));
		model.addAttribute("attachments", attachments.list(user, fileId));
		model.addAttribute("maxSize", attachments.maxSize());
		model.addAttribute("mayDelete", permissions.mayDeleteAttachments(user));
		return "aid/attachments";
	}

	@PostMapping
	String uploadAttachment(CurrentUser user, @PathVariable long fileId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			if (file == null) {
				throw new RuleViolationException("file", "aid.attachment.error.empty");
			}
			attachments.store(user, fileId, file.getOriginalFilename(), file);
			FlashMessages.success(redirect, "aid.attachment.uploaded");
		}
		catch (RuleViolationException refused) {
			FlashMessages.error(redirect, refused.messageKey(), refused.arguments());
		}
		return "redirect:/aid/files/" + fileId + "/attachments";
	}

	@GetMapping("/{attachmentId}")
	ResponseEntity<Resource> downloadAttachment(CurrentUser user, @PathVariable long fileId,
			@PathVariable long attachmentId) {
		AttachmentDownload download = attachments.open(user, fileId, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.contentLength(download.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(download.content());
	}

	@PostMapping("/{attachmentId}/delete")
	String deleteAttachment(CurrentUser user, @PathVariable long fileId, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		attachments.delete(user, fileId, attachmentId);
		FlashMessages.success(redirect, "aid.attachment.deleted");
		return "redirect:/aid/files/" + fileId + "/attachments";
	}
}
