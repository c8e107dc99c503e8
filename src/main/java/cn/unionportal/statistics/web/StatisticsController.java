package cn.unionportal.statistics.web;

import java.util.Set;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.statistics.StatisticsExports;
import cn.unionportal.statistics.StatisticsFreezes;
import cn.unionportal.statistics.StatisticsManagement;
import cn.unionportal.statistics.StatisticsPdf;
import cn.unionportal.statistics.StatisticsPermissions;
import cn.unionportal.statistics.StatisticsRefresh;
import cn.unionportal.statistics.StatisticsView.Report;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The statistics pages (issue 12): the year's figures, a figure's breakdown, exports, freeze and publication. */
@Controller
@RequestMapping("/statistics")
class StatisticsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final int FIRST_YEAR = 2000;

	private final StatisticsManagement statistics;

	private final StatisticsFreezes freezes;

	private final StatisticsExports exports;

	private final StatisticsPermissions permissions;

	private final StatisticsPdf pdf;

	private final StatisticsRefresh refresh;

	StatisticsController(StatisticsManagement statistics, StatisticsFreezes freezes, StatisticsExports exports,
			StatisticsPermissions permissions, StatisticsPdf pdf, StatisticsRefresh refresh) {
		this.pdf = pdf;
		this.refresh = refresh;
		this.statistics = statistics;
		this.freezes = freezes;
		this.exports = exports;
		this.permissions = permissions;
	}

	@GetMapping
	String showStatistics(CurrentUser user, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year, Model model) {
		int y = year(year);
		Report report = statistics.report(user, org, y);
		model.addAttribute("report", report);
		model.addAttribute("years", statistics.selectableYears());
		model.addAttribute("mayFreeze", permissions.mayFreeze(user) && report.organizationId() == user.organizationId());
		model.addAttribute("freezable", statistics.hasEnded(y));
		return "statistics/report";
	}

	@GetMapping("/breakdown")
	String showBreakdown(CurrentUser user, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year, @RequestParam String figure, Model model) {
		model.addAttribute("breakdown", statistics.breakdown(user, org, year(year), figure));
		model.addAttribute("trail", statistics.trail(user, org));
		return "statistics/breakdown";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportWorkbook(CurrentUser user, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year) {
		Report report = statistics.report(user, org, year(year));
		return download(exports.workbook(report), "statistics-" + report.year() + ".xlsx", XLSX);
	}

	@GetMapping("/report.pdf")
	ResponseEntity<byte[]> exportPdf(CurrentUser user, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year) {
		Report report = statistics.report(user, org, year(year));
		return download(pdf.render(report), "statistics-" + report.year() + ".pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/national.xlsx")
	ResponseEntity<byte[]> exportNationalForm(CurrentUser user, @RequestParam(required = false) Long org,
			@RequestParam(required = false) Integer year) {
		Report report = statistics.report(user, org, year(year));
		return download(exports.nationalForm(report), "national-form-" + report.year() + ".xlsx", XLSX);
	}

	@PostMapping("/freeze")
	String freezeYear(CurrentUser user, @RequestParam int year, RedirectAttributes redirect) {
		try {
			freezes.freeze(user, year);
			FlashMessages.success(redirect, "statistics.freeze.done", String.valueOf(year));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), String.valueOf(year));
		}
		catch (DataIntegrityViolationException concurrent) {
			// a second click while the first freeze (or publication) of the year was being written
			FlashMessages.error(redirect, "statistics.freeze.concurrent", String.valueOf(year));
		}
		return "redirect:/statistics?year=" + year;
	}

	/** Brings the year's stored figures up to date now (federation administrators). */
	@PostMapping("/refresh")
	String refreshYear(CurrentUser user, @RequestParam int year, RedirectAttributes redirect) {
		if (!permissions.mayFreeze(user)) {
			throw new cn.unionportal.shared.ForbiddenException("statistics.refresh");
		}
		int y = year(year);
		if (refresh.refreshNow(y)) {
			FlashMessages.success(redirect, "statistics.refresh.done", String.valueOf(y));
		}
		else {
			FlashMessages.error(redirect, "statistics.refresh.busy", String.valueOf(y));
		}
		return "redirect:/statistics?year=" + y;
	}

	@PostMapping("/unfreeze")
	String unfreezeYear(CurrentUser user, @RequestParam int year, RedirectAttributes redirect) {
		try {
			freezes.unfreeze(user, year);
			FlashMessages.success(redirect, "statistics.unfreeze.done", String.valueOf(year));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), String.valueOf(year));
		}
		catch (DataIntegrityViolationException concurrent) {
			// a second click while the first freeze (or publication) of the year was being written
			FlashMessages.error(redirect, "statistics.freeze.concurrent", String.valueOf(year));
		}
		return "redirect:/statistics?year=" + year;
	}

	@GetMapping("/publish")
	String showPublication(CurrentUser user, @RequestParam int year, Model model) {
		if (!permissions.mayPublish(user)) {
			throw new cn.unionportal.shared.ForbiddenException("statistics.publish");
		}
		model.addAttribute("year", year);
		model.addAttribute("frozen", statistics.freezeOf(year).frozen());
		model.addAttribute("figures", freezes.publishable(year));
		model.addAttribute("published", freezes.published(year));
		return "statistics/publish";
	}

	@PostMapping("/publish")
	String publishFigures(CurrentUser user, @RequestParam int year,
			@RequestParam(name = "figure", required = false) Set<String> figures, RedirectAttributes redirect) {
		try {
			freezes.publish(user, year, figures == null ? Set.of() : figures);
			FlashMessages.success(redirect, "statistics.publish.done", String.valueOf(year));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), String.valueOf(year));
		}
		catch (DataIntegrityViolationException concurrent) {
			// a second click while the first freeze (or publication) of the year was being written
			FlashMessages.error(redirect, "statistics.freeze.concurrent", String.valueOf(year));
		}
		return "redirect:/statistics/publish?year=" + year;
	}

	private int year(Integer year) {
		int current = statistics.currentYear();
		return year == null || year < FIRST_YEAR || year > current + 1 ? current : year;
	}

	static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(type)
			.body(body);
	}
}
