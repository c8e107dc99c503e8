package cn.unionportal.award.web;

import java.time.Clock;
import java.time.YearMonth;

import cn.unionportal.award.AwardPermissions;
import cn.unionportal.award.HonourCatalogue;
import cn.unionportal.award.HonourCertificates;
import cn.unionportal.award.HonourKindData;
import cn.unionportal.award.HonourKindView;
import cn.unionportal.award.HonourChanges;
import cn.unionportal.award.HonourRegister;
import cn.unionportal.award.HonourRoll;
import cn.unionportal.award.HonourView;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

/** The honour register of the scope, one honour (revoke, deceased, listing, certificate) and the catalogue; staff entries in {@link HonourEntryController}, the roster in {@link HonourRosterController}. */
@Controller
@RequestMapping("/awards")
class HonourController {

	private final HonourRegister register;

	private final HonourChanges changes;

	private final HonourRoll roll;

	private final HonourCertificates certificates;

	private final HonourCatalogue catalogue;

	private final AwardPermissions permissions;

	private final Clock clock;

	HonourController(HonourRegister register, HonourChanges changes, HonourRoll roll, HonourCertificates certificates,
			HonourCatalogue catalogue, AwardPermissions permissions, Clock clock) {
		this.register = register;
		this.changes = changes;
		this.roll = roll;
		this.certificates = certificates;
		this.catalogue = catalogue;
		this.permissions = permissions;
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
