package cn.unionportal.statistics;

import java.util.List;

/**
 * SPI: a module's section of the annual statistics, computed from its own tables. The statistics
 * module asks every bean for the figures of one subtree and period and adds them up the tree; the
 * implementation counts each organization's own records (grouped by its organization column, the
 * subtree applied with {@code organization.ScopedQuery}).
 *
 * <p>A module that lands later (competitions, awards) adds one bean implementing this interface in
 * its own package; nothing in the statistics module changes.
 */
public interface FigureSource {

	/** The section's key (message key {@code statistics.section.<key>}). */
	String section();

	/** Position of the section on the page. */
	int order();

	/** The figures of the section, in the order shown. */
	List<Figure> figures();

	/** Every organization's own values in the subtree of {@code top} for the period. */
	OrganizationFigures compute(long top, StatisticsPeriod period);

	/**
	 * The organizations whose own figures an event of this module may change (each is recomputed at
	 * the next refresh; {@code null} in the list: the whole tree). None by default: such edits show
	 * at the next full refresh.
	 */
	default java.util.Collection<Long> organizationsTouchedBy(Object event) {
		return java.util.List.of();
	}
}
