package cn.unionportal.award.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.unionportal.award.AwardPermissions;
import cn.unionportal.award.HonourCatalogue;
import cn.unionportal.award.HonourKindData;
import cn.unionportal.award.HonourKindView;
import cn.unionportal.award.HonourChanges;
import cn.unionportal.award.HonourRegister;
import cn.unionportal.award.HonourRoll;
import cn.unionportal.award.HonourView;
import cn.unionportal.award.ManualHonourData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The honour register of the scope, one honour (revoke, deceased, listing), staff entries, the catalogue, the roster. */
@Controller
@RequestMapping("/awards")
class HonourController {

	private final HonourRegister register;

	private final HonourChanges changes;

	private final HonourRoll roll;

	private final cn.unionportal.award.HonourCertificates certificates;

	private final HonourCatalogue catalogue;

	private final MemberManagement members;

	private final AwardPermissions permissions;

	private final MessageSource messages;

	private final Clock clock;

	HonourController(HonourRegister register, HonourChanges changes, HonourRoll roll, cn.unionportal.award.HonourCertificates certificates,
			HonourCatalogue catalogue, MemberManagement members, AwardPermissions permissions, MessageSource messages,
			Clock clock) {
		this.register = register;
		this.changes = changes;
		this.certificates = certificates;
		this.roll = roll;
		this.catalogue = catalogue;
		this.members = members;
		this.permissions = permissions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/honours")
	String listHonours(CurrentUser user, @RequestParam(required = false) Long kind, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<HonourView> honours = roll.register(user, kind, q, PageRequest.of(Math.max(page, 0), 20));
		model.addAttribute("honours", honours);
		model.addAttribute("kinds", catalogue.kinds());
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("pages", PageLinks.of(honours, "/awards/honours" + (kind == null ? "" : "?kind=" + kind)));
		model.addAttribute("mayExport", permissions.mayExportRoster(user));
		YearMonth now = YearMonth.now(clock);
		model.addAttribute("rosterFrom", now.withMonth(1));
		model.addAttribute("rosterTo", now);
		return "awards/honours";
	}

	@GetMapping("/honours/{id}")
	String showHonour(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("h", register.honour(user, id));
		model.addAttribute("mayManage", permissions.mayManageRegister(user));
		return "awards/honour";
	}

	@GetMapping("/honours/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(CurrentUser user, @PathVariable long id) {
		byte[] pdf = certificates.certificate(user, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("honour-certificate-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/honours/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String document,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/honours/" + id, "award.honour.revoked",
				() -> changes.revoke(user, id, version, reason, document));
	}

	@PostMapping("/honours/{id}/deceased")
	String deceased(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/honours/" + id, "award.honour.saved",
				() -> changes.markDeceased(user, id, version));
	}

	@PostMapping("/honours/{id}/listing")
	String listing(CurrentUser user, @PathVariable long id, @RequestParam long version, @RequestParam boolean listed,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/honours/" + id, "award.honour.saved",
				() -> changes.changeListing(user, id, version, listed));
	}

	@GetMapping("/honours/new")
	String showEntryForm(CurrentUser user, @RequestParam long member, Model model) {
		MemberView person = members.get(user, member);
		AwardPermissionsCheck.require(permissions.mayManageRegister(user));
		model.addAttribute("member", person);
		model.addAttribute("kinds", catalogue.kinds().stream().filter(k -> !k.isCollective()).toList());
		model.addAttribute("year", LocalDate.now(clock).getYear());
		return "awards/honour-form";
	}

	@PostMapping("/honours")
	String enter(CurrentUser user, @RequestParam long member, @RequestParam(required = false) Long kindId,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conferredOn,
			@RequestParam(required = false) String documentReference, Model model, RedirectAttributes redirect) {
		MemberView person = members.get(user, member);
		try {
			if (kindId == null || year == null) {
				throw new RuleViolationException(kindId == null ? "kindId" : "year", "validation.required");
			}
			long id = changes.enter(user, member, new ManualHonourData(kindId, year, conferredOn, documentReference));
			FlashMessages.success(redirect, "award.honour.entered");
			return "redirect:/awards/honours/" + id;
		}
		catch (RuleViolationException violation) {
			model.addAttribute("member", person);
			model.addAttribute("kinds", catalogue.kinds().stream().filter(k -> !k.isCollective()).toList());
			model.addAttribute("year", year);
			model.addAttribute("kindId", kindId);
			model.addAttribute("conferredOn", conferredOn);
			model.addAttribute("documentReference", documentReference);
			model.addAttribute("refusal", violation.messageKey());
			model.addAttribute("refusalArguments", violation.arguments());
			return "awards/honour-form";
		}
	}

	@GetMapping("/roster.xlsx")
	ResponseEntity<byte[]> roster(CurrentUser user,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
		List<String> headers = java.util.stream.Stream.of("name", "card", "organization", "kind", "months", "count",
				"monthly", "amount")
			.map(h -> messages.getMessage("award.roster.column." + h, null, LocaleContextHolder.getLocale()))
			.toList();
		byte[] book = roll.rosterWorkbook(user, from, to, headers);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("honour-allowance-" + from + "-" + to + ".xlsx").build().toString())
			.body(book);
	}

	@GetMapping("/roster")
	String showRoster(CurrentUser user, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("lines", roll.roster(user, from, to));
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey());
			return "redirect:/awards/honours";
		}
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "awards/roster";
	}

	@GetMapping("/kinds")
	String listKinds(CurrentUser user, Model model) {
		model.addAttribute("kinds", catalogue.kinds());
		model.addAttribute("mayEdit", permissions.mayEditCatalogue(user));
		return "awards/kinds";
	}

	@PostMapping("/kinds/{id}")
	String updateKind(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) Long prerequisiteId, @RequestParam(defaultValue = "0") int repeatAfterYears,
			@RequestParam(defaultValue = "false") boolean healthCheck,
			@RequestParam(defaultValue = "false") boolean recuperationLeave,
			@RequestParam(required = false) java.math.BigDecimal monthlyAllowance,
			@RequestParam(required = false) Integer allowanceFromAge, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		HonourKindView kind = catalogue.kind(id);
		AwardPermissionsCheck.require(permissions.mayEditCatalogue(user));
		return Actions.run(redirect, "/awards/kinds", "award.kind.saved",
				() -> catalogue.update(user, id, version, new HonourKindData(kind.name(), kind.nameEn(), prerequisiteId,
						repeatAfterYears, healthCheck, recuperationLeave, monthlyAllowance, allowanceFromAge, active)));
	}
}
