package cn.unionportal.shared.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Today's date in the portal's time zone as {@code printDate} on every page: printed cards,
 * notices and file summaries carry the date they were printed (the print line of
 * {@code fragments/parts}, shown only on paper).
 */
@ControllerAdvice
class PrintDate {

	private final Clock clock;

	PrintDate(Clock clock) {
		this.clock = clock;
	}

	@ModelAttribute("printDate")
	LocalDate printDate() {
		return LocalDate.now(clock);
	}
}
