package cn.unionportal.member.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberExports;
import cn.unionportal.member.MemberImportReports;
import cn.unionportal.member.MemberImports;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Excel import and export of the member registry: the upload page and template, the progress
 * page of an import with its refused rows (and their .xlsx report), and the export of a search.
 */
@Controller
class MemberSpreadsheetController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int REJECTIONS_PAGE_SIZE = 50;

	private final MemberImports imports;

	private final MemberExports exports;

	private final MemberImportReports reports;

	MemberSpreadsheetController(MemberImports imports, MemberImportReports reports, MemberExports exports) {
		this.imports = imports;
		this.reports = reports;
		this.exports = exports;
	}

	@GetMapping("/members/import")
	String showImportPage(CurrentUser user, Model model) {
		model.addAttribute("imports", imports.recent(user));
		model.addAttribute("maxFileSize", MemberSpreadsheetErrors.MAX_FILE_SIZE_MB);
		return "members/import";
	}

	@GetMapping("/members/import/template.xlsx")
	ResponseEntity<byte[]> downloadTemplate(CurrentUser user, Locale locale) {
		return attachment("会员导入模板.xlsx").body(imports.template(user, locale));
	}

	@PostMapping("/members/import")
	String uploadImport(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			FlashMessages.error(redirect, "member.import.error.empty");
			return "redirect:/members/import";
		}
		try (InputStream content = file.getInputStream()) {
			long id = imports.start(user, file.getOriginalFilename(), content);
			FlashMessages.success(redirect, "member.import.started");
			return "redirect:/members/import/" + id;
		}
		catch (RuleViolationException refused) {
			FlashMessages.error(redirect, refused.messageKey(), refused.arguments());
			return "redirect:/members/import";
		}
	}

	@GetMapping("/members/import/{id}")
	String showImport(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		MemberImports.ImportJob job = imports.job(user, id);
		Page<MemberImports.ImportRejection> rejections = reports.rejections(user, id,
				PageRequest.of(Math.max(page, 0), REJECTIONS_PAGE_SIZE));
		model.addAttribute("job", job);
		model.addAttribute("rejections", rejections);
		model.addAttribute("pages", PageLinks.of(rejections, "/members/import/" + id));
		return "members/import-job";
	}

	@GetMapping("/members/import/{id}/rejections.xlsx")
	void downloadRejections(CurrentUser user, @PathVariable long id, Locale locale, HttpServletResponse response)
			throws IOException {
		imports.job(user, id);
		prepare(response, "import-" + id + "-rejected.xlsx");
		reports.writeRejectionReport(user, id, locale, response.getOutputStream());
	}

	@GetMapping("/members/export.xlsx")
	void exportMembers(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) EmploymentType employment,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) MemberQuery.Sort sort,
			@RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
		MemberQuery query = new MemberQuery(q, organization, employment, status, sort);
		DeferredOutput out = new DeferredOutput(response, () -> prepare(response, "members.xlsx"));
		exports.export(user, query, unmasked, out);
	}

	private static ResponseEntity.BodyBuilder attachment(String fileName) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static void prepare(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}
}
