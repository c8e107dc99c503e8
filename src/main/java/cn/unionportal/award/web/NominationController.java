package cn.unionportal.award.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.award.AwardPermissions;
import cn.unionportal.award.Campaigns;
import cn.unionportal.award.CampaignView;
import cn.unionportal.award.ClearanceItem;
import cn.unionportal.award.NominationFiles;
import cn.unionportal.award.NominationManagement;
import cn.unionportal.award.NominationReview;
import cn.unionportal.award.NominationSearch;
import cn.unionportal.award.NominationView;
import cn.unionportal.award.ReviewDecision;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A nomination: its page (timeline, attachments, clearance), submission, reviews and votes; entering one is {@link NominationEntryController}. */
@Controller
@RequestMapping("/awards")
class NominationController {

	private final NominationManagement nominations;

	private final NominationSearch search;

	private final NominationReview review;

	private final NominationFiles files;

	private final Campaigns campaigns;

	private final AwardPermissions permissions;

	private final Clock clock;

	NominationController(NominationManagement nominations, NominationSearch search, NominationReview review,
			NominationFiles files, Campaigns campaigns, AwardPermissions permissions, Clock clock) {
		this.nominations = nominations;
		this.search = search;
		this.review = review;
		this.files = files;
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.clock = clock;
	}

	@GetMapping("/nominations/{id}")
	String showNomination(CurrentUser user, @PathVariable long id, Model model) {
		NominationView n = search.nomination(user, id);
		CampaignView campaign = campaigns.campaign(user, n.campaignId());
		model.addAttribute("n", n);
		model.addAttribute("campaign", campaign);
		model.addAttribute("timeline", search.timeline(user, id));
		model.addAttribute("attachments", files.list(user, id));
		model.addAttribute("cleared", search.clearances(user, id));
		model.addAttribute("clearanceItems", ClearanceItem.values());
		model.addAttribute("mayReview", permissions.mayReviewInDistrict(user, id));
		model.addAttribute("mayVote", permissions.mayVote(user, id));
		model.addAttribute("today", LocalDate.now(clock));
		return "awards/nomination";
	}

	@PostMapping("/nominations/{id}/submit")
	String submit(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.submitted",
				() -> nominations.submit(user, id, version));
	}

	@PostMapping("/nominations/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String deeds, @RequestParam(required = false) String unitDecision,
			@RequestParam(required = false) String unitPosting, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.saved",
				() -> nominations.edit(user, id, version, deeds, unitDecision, unitPosting));
	}

	@PostMapping("/nominations/{id}/files")
	String upload(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "DEEDS") String purpose,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			FlashMessages.error(redirect, "award.error.fileEmpty");
			return "redirect:/awards/nominations/" + id;
		}
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.fileStored",
				() -> files.store(user, id, purpose, file.getOriginalFilename(), file));
	}

	@GetMapping("/nominations/{id}/files/{fileId}")
	ResponseEntity<byte[]> download(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		NominationFiles.Download download = files.open(user, id, fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
			.body(download.content());
	}

	@PostMapping("/nominations/{id}/clearances")
	String recordClearance(CurrentUser user, @PathVariable long id, @RequestParam(required = false) ClearanceItem item,
			@RequestParam(required = false) String clearedBy,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate clearedOn,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.cleared",
				() -> nominations.recordClearance(user, id, item, clearedBy, clearedOn));
	}

	@PostMapping("/nominations/{id}/review")
	String review(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) ReviewDecision decision, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.reviewed",
				() -> review.reviewInDistrict(user, id, version, decision, reason));
	}

	@PostMapping("/nominations/{id}/vote")
	String vote(CurrentUser user, @PathVariable long id, @RequestParam boolean inFavour, RedirectAttributes redirect) {
		return Actions.run(redirect, "/awards/nominations/" + id, "award.nomination.voted",
				() -> review.vote(user, id, inFavour));
	}
}
