package cn.unionportal.statistics;

/**
 * One figure of a section: its key (also the message key {@code statistics.figure.<key>}), how it
 * is shown, whether it is a headline (five-year trend, home page), and where the records behind it
 * are listed ({@code {org}} is replaced by the organization's id; null when there is no list).
 *
 * @param people true when the figure counts people (the public page never shows fewer than 10)
 */
public record Figure(String key, FigureUnit unit, boolean headline, boolean people, String listLink) {

	public static Figure count(String key) {
		return new Figure(key, FigureUnit.COUNT, false, false, null);
	}

	public static Figure people(String key, String listLink) {
		return new Figure(key, FigureUnit.COUNT, false, true, listLink);
	}

	/** A percentage of two figures' sums (defined in {@link Ratios}). */
	public static Figure rate(String key) {
		return new Figure(key, FigureUnit.PERCENT, false, false, null);
	}

	public static Figure money(String key) {
		return new Figure(key, FigureUnit.YUAN, false, false, null);
	}

	public Figure asHeadline() {
		return new Figure(key, unit, true, people, listLink);
	}

	public Figure listedAt(String link) {
		return new Figure(key, unit, headline, people, link);
	}
}
