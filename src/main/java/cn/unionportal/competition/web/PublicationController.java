package cn.unionportal.competition.web;

import cn.unionportal.competition.CompetitionPublication;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.web.FlashMessages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The results steps on a competition's page: the public notice, objections, publication. */
@Controller
@RequestMapping("/competitions")
class PublicationController {

	private final CompetitionPublication publication;

	PublicationController(CompetitionPublication publication) {
		this.publication = publication;
	}

	@PostMapping("/{id}/notice")
	String startNotice(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return CompetitionController.step(redirect, id, () -> {
			publication.startNotice(user, id, version);
			FlashMessages.success(redirect, "competition.noticeStarted");
		});
	}

	@PostMapping("/{id}/publish")
	String publishResults(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return CompetitionController.step(redirect, id, () -> {
			publication.publish(user, id, version);
			FlashMessages.success(redirect, "competition.published");
		});
	}

	@PostMapping("/{id}/objections")
	String recordObjection(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String content,
			RedirectAttributes redirect) {
		return CompetitionController.step(redirect, id, () -> {
			publication.recordObjection(user, id, content);
			FlashMessages.success(redirect, "competition.objection.recorded");
		});
	}

	@PostMapping("/{id}/objections/{objection}/resolve")
	String resolveObjection(CurrentUser user, @PathVariable long id, @PathVariable long objection,
			@RequestParam long version, @RequestParam(required = false) String resolution, RedirectAttributes redirect) {
		return CompetitionController.step(redirect, id, () -> {
			publication.resolveObjection(user, objection, version, resolution);
			FlashMessages.success(redirect, "competition.objection.resolved");
		});
	}
}
