package cn.unionportal.aid.web;

import cn.unionportal.aid.lookup.PublicNoticeBoard;
import cn.unionportal.aid.lookup.PublicNoticeEntry;
import cn.unionportal.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public notice of hardship files (公示, no login): masked names, organization, tier and
 * notice period of the households on notice today, searchable by organization name.
 */
@Controller
class PublicNoticeController {

	private static final int PAGE_SIZE = 20;

	private static final int QUERY_LENGTH = 100;

	private final PublicNoticeBoard board;

	PublicNoticeController(PublicNoticeBoard board) {
		this.board = board;
	}

	@GetMapping("/notice")
	String showNotice(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String query = q == null ? "" : q.strip();
		if (query.length() > QUERY_LENGTH) {
			query = query.substring(0, QUERY_LENGTH);
		}
		Page<PublicNoticeEntry> entries = board.running(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/notice");
		if (!query.isEmpty()) {
			base.queryParam("q", query);
		}
		model.addAttribute("entries", entries);
		model.addAttribute("q", query);
		model.addAttribute("pages", PageLinks.of(entries, base.encode().toUriString()));
		return "aid/public/notice";
	}
}
