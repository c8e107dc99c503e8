package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side: the year-end freeze (every organization's own figures of the whole federation
 * stored with who and when), unfreezing, and choosing the figures of a frozen year for the public
 * page. Federation administrators only ({@link StatisticsPermissions}); every change is audited
 * (subject {@value #SUBJECT}, the year as id, at the root organization).
 */
@Service
public class StatisticsFreezes {

	public static final String SUBJECT = "STATISTICS_YEAR";

	/** Groups of people smaller than this are never published. */
	public static final int MINIMUM_GROUP = 10;

	private final StatisticsManagement statistics;

	private final StatisticsSnapshots snapshots;

	private final StatisticsPermissions permissions;

	private final StatisticsSettings settings;

	private final Scopes scopes;

	private final AuditTrail audit;

	private final Clock clock;

	StatisticsFreezes(StatisticsManagement statistics, StatisticsSnapshots snapshots, StatisticsPermissions permissions,
			StatisticsSettings settings, Scopes scopes, AuditTrail audit, Clock clock) {
		this.statistics = statistics;
		this.snapshots = snapshots;
		this.permissions = permissions;
		this.settings = settings;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** Freezes (or refreezes) a year that has ended. */
	@Transactional
	public void freeze(CurrentUser user, int year) {
		permissions.requireFreeze(user);
		if (!settings.period(year).end().isBefore(settings.today())) {
			throw new RuleViolationException("year", "statistics.freeze.notEnded");
		}
		boolean again = snapshots.freezeOf(year).changedBy() != null;
		long root = scopes.of(user).rootId();
		OrganizationFigures figures = statistics.live(root, year);
		snapshots.write(year, figures, statistics.sums(figures), settings.startMonth(), user.username(), clock.instant());
		audit.record(user.username(), again ? "STATISTICS_REFROZEN" : "STATISTICS_FROZEN", SUBJECT, year, root,
				"year: " + year + ", figures: " + figures.keys().size());
	}

	@Transactional
	public void unfreeze(CurrentUser user, int year) {
		permissions.requireFreeze(user);
		if (!snapshots.isFrozen(year)) {
			throw new RuleViolationException("year", "statistics.freeze.notFrozen");
		}
		snapshots.clear(year, settings.startMonth(), user.username(), clock.instant());
		audit.record(user.username(), "STATISTICS_UNFROZEN", SUBJECT, year, scopes.of(user).rootId(), "year: " + year);
	}

	/** The figures of a frozen year that may be published (federation-wide) with their values. */
	@Transactional(readOnly = true)
	public Map<Figure, BigDecimal> publishable(int year) {
		Map<Figure, BigDecimal> result = new LinkedHashMap<>();
		if (!snapshots.isFrozen(year)) {
			return result;
		}
		Map<String, BigDecimal> totals = snapshots.totals(rootOf(), year);
		for (FigureSource source : statistics.sources()) {
			BigDecimal people = null;
			for (Figure figure : source.figures()) {
				BigDecimal value = totals.getOrDefault(figure.key(), BigDecimal.ZERO);
				if (figure.people()) {
					people = value;
				}
				// an amount or a percentage counts the people of the nearest people figure before it in its section
				BigDecimal group = figure.people() || figure.unit() != FigureUnit.COUNT ? people : null;
				if (group == null || group.compareTo(BigDecimal.valueOf(MINIMUM_GROUP)) >= 0) {
					result.put(figure, value);
				}
			}
		}
		return result;
	}

	@Transactional
	public void publish(CurrentUser user, int year, Set<String> keys) {
		if (!permissions.mayPublish(user)) {
			throw new cn.unionportal.shared.ForbiddenException("statistics.publish");
		}
		if (!snapshots.isFrozen(year)) {
			throw new RuleViolationException("year", "statistics.freeze.notFrozen");
		}
		List<String> chosen = new ArrayList<>();
		publishable(year).keySet().stream().map(Figure::key).filter(keys::contains).forEach(chosen::add);
		snapshots.publish(year, chosen, user.username(), clock.instant());
		audit.record(user.username(), "STATISTICS_PUBLISHED", SUBJECT, year, scopes.of(user).rootId(),
				"year: " + year + ", figures: " + String.join(", ", chosen));
	}

	@Transactional(readOnly = true)
	public List<String> published(int year) {
		return snapshots.published(year);
	}

	/** The public page: the published figures of a frozen year with their federation-wide values. */
	@Transactional(readOnly = true)
	public Map<Figure, BigDecimal> publicFigures(int year) {
		List<String> keys = snapshots.published(year);
		Map<Figure, BigDecimal> result = new LinkedHashMap<>();
		publishable(year).forEach((figure, value) -> {
			if (keys.contains(figure.key())) {
				result.put(figure, value);
			}
		});
		return result;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Integer> latestPublishedYear() {
		return snapshots.latestPublishedYear();
	}

	@Transactional(readOnly = true)
	public List<Integer> frozenYears() {
		return snapshots.frozenYears();
	}

	private long rootOf() {
		return statistics.rootId();
	}
}
