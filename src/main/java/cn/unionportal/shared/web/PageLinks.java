package cn.unionportal.shared.web;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.data.domain.Page;

/**
 * What the pagination fragment needs: the page, the numbers to show and the base URL to append
 * {@code page=N} to (already carrying the current filters).
 */
public record PageLinks(int number, int totalPages, long totalElements, List<Integer> window, String baseUrl) {

	private static final int WINDOW = 2;

	public static PageLinks of(Page<?> page, String baseUrl) {
		int current = page.getNumber();
		int last = Math.max(page.getTotalPages() - 1, 0);
		List<Integer> window = IntStream.rangeClosed(Math.max(0, current - WINDOW), Math.min(last, current + WINDOW))
			.boxed()
			.toList();
		String separator = baseUrl.contains("?") ? "&" : "?";
		return new PageLinks(current, page.getTotalPages(), page.getTotalElements(), window, baseUrl + separator);
	}

	public boolean hasPrevious() {
		return number > 0;
	}

	public boolean hasNext() {
		return number + 1 < totalPages;
	}
}
