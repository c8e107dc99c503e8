package cn.unionportal.shared.web;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.data.domain.Page;

/**
 * What the pagination fragment needs: the page, the numbers to show and the base URL (already
 * carrying the current filters) to which the page parameter is appended.
 */
public record PageLinks(int number, int totalPages, long totalElements, List<Integer> window, String baseUrl,
		String parameter) {

	private static final int WINDOW = 2;

	public static PageLinks of(Page<?> page, String baseUrl) {
		int current = page.getNumber();
		int last = Math.max(page.getTotalPages() - 1, 0);
		List<Integer> window = IntStream.rangeClosed(Math.max(0, current - WINDOW), Math.min(last, current + WINDOW))
			.boxed()
			.toList();
		String separator = baseUrl.contains("?") ? "&" : "?";
		return new PageLinks(current, page.getTotalPages(), page.getTotalElements(), window, baseUrl + separator,
				"page");
	}

	/** The same links with another name for the page parameter (two paged lists on one page). */
	public PageLinks withParameter(String name) {
		return new PageLinks(number, totalPages, totalElements, window, baseUrl, name);
	}

	public String href(int page) {
		return baseUrl + parameter + "=" + page;
	}

	public boolean hasPrevious() {
		return number > 0;
	}

	public boolean hasNext() {
		return number + 1 < totalPages;
	}
}
