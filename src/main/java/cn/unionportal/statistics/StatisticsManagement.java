package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationStatistics;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.statistics.StatisticsView.Breakdown;
import cn.unionportal.statistics.StatisticsView.Freeze;
import cn.unionportal.statistics.StatisticsView.Line;
import cn.unionportal.statistics.StatisticsView.Report;
import cn.unionportal.statistics.StatisticsView.Row;
import cn.unionportal.statistics.StatisticsView.Section;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the statistics: a subtree's figures for a year, year over year, with the
 * five-year trend of the headlines, and the breakdown of one figure by the next level. Every
 * organization's own figures come from the {@link FigureSource}s (live) or from the snapshot of a
 * frozen year, and are added up the tree here, so a total is the sum of its rows by construction.
 * The organization is checked against the user's scope first (404 outside, like a missing id).
 */
@Service
@Transactional(readOnly = true)
public class StatisticsManagement {

	static final int TREND_YEARS = 5;

	private final List<FigureSource> sources;

	private final Scopes scopes;

	private final OrganizationStatistics organizations;

	private final StatisticsSnapshots snapshots;

	private final StatisticsSettings settings;

	private final OrganizationManagement hierarchy;

	private final StatisticsStore store;

	private final StatisticsRefresh refresh;

	StatisticsManagement(StatisticsRefresh refresh, Scopes scopes, OrganizationStatistics organizations,
			StatisticsSnapshots snapshots, StatisticsSettings settings, OrganizationManagement hierarchy,
			StatisticsStore store) {
		this.hierarchy = hierarchy;
		this.refresh = refresh;
		this.sources = refresh.sources();
		this.scopes = scopes;
		this.organizations = organizations;
		this.snapshots = snapshots;
		this.settings = settings;
		this.store = store;
	}

	public int currentYear() {
		return settings.currentYear();
	}

	/** The sections and their figures, in page order. */
	public List<FigureSource> sources() {
		return sources;
	}

	long rootId() {
		return hierarchy.rootId();
	}

	/**
	 * The headline figures of the user's scope for the current year, for the home page: the stored
	 * subtree sums of the user's organization (one indexed read).
	 */
	public List<Line> headlines(CurrentUser user) {
		long top = scopes.of(user).rootId();
		int year = currentYear();
		refresh.ensure(List.of(year));
		Map<String, BigDecimal> totals = Ratios.with(store.totals(top, year, year).getOrDefault(year, Map.of()));
		return sources.stream()
			.flatMap(s -> s.figures().stream())
			.filter(Figure::headline)
			.map(f -> new Line(f, value(totals, f.key()), BigDecimal.ZERO, null, List.of()))
			.toList();
	}

	/** The years offered by the year choice: the current one and nine before it. */
	public List<Integer> selectableYears() {
		int current = currentYear();
		return java.util.stream.IntStream.rangeClosed(0, 9).mapToObj(i -> current - i).toList();
	}

	/** Whether the year's period is over (only such a year may be frozen). */
	public boolean hasEnded(int year) {
		return settings.period(year).end().isBefore(settings.today());
	}

	/** The organizations from the user's own down to the given one, for the breadcrumb of a drill-down. */
	public List<cn.unionportal.organization.OrganizationSummary> trail(CurrentUser user, Long organizationId) {
		long top = scopes.of(user).narrowTo(organizationId);
		List<cn.unionportal.organization.OrganizationSummary> all = hierarchy.breadcrumb(user, top);
		int from = 0;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).id() == user.organizationId()) {
				from = i;
			}
		}
		return all.subList(from, all.size());
	}

	public Freeze freezeOf(int year) {
		return snapshots.freezeOf(year);
	}

	/**
	 * The report of the organization (the user's own when null) for the year: the stored subtree
	 * sums of the organization for the year and the four before it, a frozen year's from its
	 * snapshot (with the stored live figures beside where they differ).
	 */
	public Report report(CurrentUser user, Long organizationId, int year) {
		Scope scope = scopes.of(user);
		long top = scope.narrowTo(organizationId);
		Freeze freeze = snapshots.freezeOf(year);
		List<Integer> years = new ArrayList<>();
		for (int y = year - TREND_YEARS + 1; y <= year; y++) {
			years.add(y);
		}
		Map<Integer, Instant> asOf = refresh.ensure(years);
		Map<Integer, Map<String, BigDecimal>> stored = store.totals(top, years.get(0), year);
		Map<Integer, Map<String, BigDecimal>> totals = new HashMap<>(stored);
		List<Integer> frozenYears = snapshots.frozenYears().stream().filter(years::contains).toList();
		if (!frozenYears.isEmpty()) {
			Map<Integer, Map<String, BigDecimal>> frozen = store.frozenTotals(top, years.get(0), year);
			frozenYears.forEach(y -> totals.put(y, frozen.getOrDefault(y, Map.of())));
		}
		totals.replaceAll((y, sums) -> Ratios.with(sums));
		Map<String, BigDecimal> live = freeze.frozen() ? Ratios.with(stored.getOrDefault(year, Map.of())) : null;
		List<Section> sections = new ArrayList<>();
		for (FigureSource source : sources) {
			List<Line> lines = new ArrayList<>();
			for (Figure figure : source.figures()) {
				BigDecimal value = value(totals.get(year), figure.key());
				BigDecimal liveValue = live == null ? null : value(live, figure.key());
				List<BigDecimal> trend = figure.headline()
						? years.stream().map(y -> value(totals.get(y), figure.key())).toList() : List.of();
				lines.add(new Line(figure, value, value(totals.get(year - 1), figure.key()),
						liveValue == null || liveValue.compareTo(value) == 0 ? null : liveValue, trend));
			}
			sections.add(new Section(source.section(), lines));
		}
		return new Report(top, scope.name(top), year, freeze, sections, years, settings.period(year), asOf.get(year));
	}

	/**
	 * One figure of the organization broken down by its children (their subtree sums) and its own
	 * records; the total is the sum of the rows.
	 */
	public Breakdown breakdown(CurrentUser user, Long organizationId, int year, String key) {
		Scope scope = scopes.of(user);
		long top = scope.narrowTo(organizationId);
		FigureSource source = sourceOf(key).orElseThrow(() -> new NotFoundException("figure", key));
		Figure figure = source.figures().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
		refresh.ensure(List.of(year - 1, year));
		boolean frozen = snapshots.isFrozen(year);
		boolean frozenBefore = snapshots.isFrozen(year - 1);
		List<OrganizationStatistics.Level> children = organizations.childrenOf(top);
		String[] parts = Ratios.OF.getOrDefault(key, new String[] { key });
		List<Map<Long, BigDecimal>> now = new ArrayList<>();
		List<Map<Long, BigDecimal>> before = new ArrayList<>();
		for (String part : parts) {
			now.add(rowValues(top, children, year, part, frozen));
			before.add(rowValues(top, children, year - 1, part, frozenBefore));
		}
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(top, scope.name(top), true, combine(now, top), combine(before, top), link(figure, top, year)));
		for (OrganizationStatistics.Level level : children) {
			rows.add(new Row(level.id(), level.name(), false, combine(now, level.id()), combine(before, level.id()),
					link(figure, level.id(), year)));
		}
		return new Breakdown(figure, source.section(), top, scope.name(top), year, rows, total(now), total(before),
				snapshots.freezeOf(year));
	}

	/** One figure's value in each row of a breakdown: the top's own records and each child's subtree. */
	private Map<Long, BigDecimal> rowValues(long top, List<OrganizationStatistics.Level> children, int year, String key,
			boolean frozen) {
		Map<Long, BigDecimal> values = new HashMap<>(
				store.totalsOf(children.stream().map(OrganizationStatistics.Level::id).toList(), year, key, frozen));
		values.put(top, store.ownValue(top, year, key, frozen));
		return values;
	}

	/** A row's value: the figure's, or for a percentage its numerator over its denominator. */
	private static BigDecimal combine(List<Map<Long, BigDecimal>> parts, long organization) {
		return parts.size() == 1 ? value(parts.get(0), organization)
				: Ratios.percent(value(parts.get(0), organization), value(parts.get(1), organization));
	}

	/** The total of a breakdown: the sum of its rows, or for a percentage the sums' ratio. */
	private static BigDecimal total(List<Map<Long, BigDecimal>> parts) {
		List<BigDecimal> sums = parts.stream()
			.map(values -> values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
			.toList();
		return sums.size() == 1 ? sums.get(0) : Ratios.percent(sums.get(0), sums.get(1));
	}

	/** Every organization's own figures in the subtree for the year, computed live (for a freeze). */
	OrganizationFigures live(long top, int year) {
		return refresh.compute(top, year);
	}

	/** The subtree sums of these own figures at every organization (for a freeze). */
	Map<String, Map<Long, BigDecimal>> sums(OrganizationFigures own) {
		return refresh.rollUp(own);
	}

	Optional<FigureSource> sourceOf(String key) {
		return sources.stream().filter(s -> s.figures().stream().anyMatch(f -> f.key().equals(key))).findFirst();
	}

	static Map<String, BigDecimal> totals(OrganizationFigures figures) {
		Map<String, BigDecimal> totals = new HashMap<>();
		for (String key : figures.keys()) {
			totals.put(key, figures.of(key).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		return totals;
	}

	private static <K> BigDecimal value(Map<K, BigDecimal> values, K key) {
		BigDecimal value = values == null ? null : values.get(key);
		return value == null ? BigDecimal.ZERO : value;
	}

	private static String link(Figure figure, long organizationId, int year) {
		return figure.listLink() == null ? null
				: figure.listLink().replace("{org}", Long.toString(organizationId)).replace("{year}", Integer.toString(year));
	}
}
