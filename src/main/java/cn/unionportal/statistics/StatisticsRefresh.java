package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.organization.OrganizationStatistics;
import cn.unionportal.organization.ScopedPlans;
import cn.unionportal.shared.cluster.ClusterLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the materialized figures ({@link StatisticsStore}) current. Every organization's own
 * figures come from the {@link FigureSource}s and are added up the tree here, so a level's total is
 * the sum of its parts by construction.
 * <ul>
 * <li>A year nobody has read yet is computed in full when first needed (the scheduled job does the
 * current year and the five before it at start, so pages never wait for it in practice).</li>
 * <li>Module events mark the organizations they touch dirty in the changing transaction (each
 * source names them, {@link FigureSource#organizationsTouchedBy}); the scheduled job (every
 * {@code portal.statistics.refresh-seconds}, on one node: lease {@value #LEASE}) recomputes those
 * organizations' own figures in every materialized year and moves their ancestors' sums by the
 * difference. More than {@code portal.statistics.incremental-limit} of them, or an organization
 * moved, recompute the years in full.</li>
 * <li>Edits that publish no event (a corrected gender, an aid case recorded) show at the next full
 * refresh of the current year ({@code portal.statistics.full-refresh-minutes}) or when an
 * administrator asks for one on the page. A year whose last refresh is older than its end is
 * refreshed once more after it closes: that is its closing snapshot, read from then on.</li>
 * </ul>
 */
@Component
public class StatisticsRefresh {

	static final String LEASE = "statistics-refresh";

	private static final Logger log = LoggerFactory.getLogger(StatisticsRefresh.class);

	private static final Duration LEASE_FOR = Duration.ofMinutes(30);

	private final List<FigureSource> sources;

	private final StatisticsStore store;

	private final StatisticsSettings settings;

	private final OrganizationStatistics organizations;

	private final ScopedPlans plans;

	private final ClusterLeases leases;

	private final TransactionTemplate transaction;

	private final TransactionTemplate reading;

	private final int incrementalLimit;

	private final Duration fullRefresh;

	StatisticsRefresh(List<FigureSource> sources, StatisticsStore store, StatisticsSettings settings,
			OrganizationStatistics organizations, ScopedPlans plans, ClusterLeases leases,
			PlatformTransactionManager transactions,
			@Value("${portal.statistics.incremental-limit:25}") int incrementalLimit,
			@Value("${portal.statistics.full-refresh-minutes:60}") long fullRefreshMinutes) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(FigureSource::order)).toList();
		this.store = store;
		this.settings = settings;
		this.organizations = organizations;
		this.plans = plans;
		this.leases = leases;
		this.transaction = new TransactionTemplate(transactions);
		// its own transaction: a page may materialize a year from inside its read-only one
		this.transaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// the sources read in one transaction (a page's, when a page materializes a year)
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.incrementalLimit = incrementalLimit;
		this.fullRefresh = Duration.ofMinutes(fullRefreshMinutes);
	}

	/** The sections, in page order. */
	List<FigureSource> sources() {
		return sources;
	}

	/** Marks the organizations an event of any module touches, before that module's transaction commits. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void markTouched(Object event) {
		if (!event.getClass().getName().startsWith("cn.unionportal.")) {
			return;
		}
		for (FigureSource source : sources) {
			for (Long organization : source.organizationsTouchedBy(event)) {
				store.markDirty(organization, settings.now());
			}
		}
	}

	/** The time each of these years was last refreshed; years never materialized are computed now. */
	Map<Integer, Instant> ensure(Collection<Integer> years) {
		Map<Integer, Instant> refreshed = store.refreshed(settings.startMonth());
		for (int year : years) {
			if (!refreshed.containsKey(year)) {
				try {
					refreshed.put(year, refreshYear(year));
				}
				catch (DataIntegrityViolationException concurrent) {
					// another request or node materialized the same year at the same moment
					refreshed.put(year, store.refreshed(settings.startMonth()).getOrDefault(year, settings.now()));
				}
			}
		}
		return refreshed;
	}

	/** Recomputes a year in full (every organization). @return the time of the refresh */
	Instant refreshYear(int year) {
		Instant at = settings.now();
		OrganizationFigures own = compute(organizations.rootId(), year);
		Map<String, Map<Long, BigDecimal>> subtree = rollUp(own, organizations.ancestry());
		transaction.executeWithoutResult(tx -> store.replaceYear(year, settings.startMonth(), own, subtree, at));
		return at;
	}

	/** Every organization's own figures in the subtree of {@code top}, live from the sources. */
	OrganizationFigures compute(long top, int year) {
		StatisticsPeriod period = settings.period(year);
		OrganizationFigures all = new OrganizationFigures();
		reading.executeWithoutResult(tx -> {
			// the same sources run for the federation (full refresh) and for one union (incremental)
			plans.forThisTransaction();
			sources.forEach(source -> all.addAll(source.compute(top, period)));
		});
		Ratios.derive(all);
		return all;
	}

	/** Each figure summed at every organization over its subtree (own included). */
	static Map<String, Map<Long, BigDecimal>> rollUp(OrganizationFigures own, Map<Long, List<Long>> ancestry) {
		Map<String, Map<Long, BigDecimal>> sums = new HashMap<>();
		for (String key : own.keys()) {
			Map<Long, BigDecimal> byOrg = sums.computeIfAbsent(key, k -> new HashMap<>());
			own.of(key).forEach((org, value) -> {
				for (long ancestor : ancestry.getOrDefault(org, List.of(org))) {
					byOrg.merge(ancestor, value, BigDecimal::add);
				}
			});
		}
		return sums;
	}

	/** The subtree sums of {@code own}, for the snapshot of a frozen year. */
	Map<String, Map<Long, BigDecimal>> rollUp(OrganizationFigures own) {
		return rollUp(own, organizations.ancestry());
	}

	/** The scheduled work: dirty organizations, then years that are due. Runs on one node at a time. */
	@Scheduled(fixedDelayString = "${portal.statistics.refresh-seconds:60}",
			initialDelayString = "${portal.statistics.refresh-initial-seconds:20}", timeUnit = java.util.concurrent.TimeUnit.SECONDS)
	void runOnSchedule() {
		try {
			leases.runExclusively(LEASE, LEASE_FOR, this::refreshDue);
		}
		catch (RuntimeException failed) {
			log.warn("statistics refresh failed, retried at the next run", failed);
		}
	}

	/**
	 * Brings the figures up to date now (an administrator's request, and tests): the dirty marks
	 * and a full refresh of {@code year}. Waits up to a minute for a refresh running elsewhere.
	 * @return whether it ran (false: the lease stayed taken)
	 */
	public boolean refreshNow(int year) {
		Instant until = settings.now().plusSeconds(60);
		while (!leases.tryAcquire(LEASE, LEASE_FOR)) {
			if (settings.now().isAfter(until)) {
				return false;
			}
			sleep();
		}
		try {
			refreshDirty();
			refreshYear(year);
			return true;
		}
		finally {
			leases.release(LEASE);
		}
	}

	/** Every materialized year recomputed in full (tests, and after a change of the year's start). */
	public void refreshAll() {
		Instant until = settings.now().plusSeconds(60);
		while (!leases.tryAcquire(LEASE, LEASE_FOR)) {
			if (settings.now().isAfter(until)) {
				throw new IllegalStateException("statistics refresh lease still taken");
			}
			sleep();
		}
		try {
			long upTo = store.dirty().upTo();
			store.refreshed(settings.startMonth()).keySet().forEach(this::refreshYear);
			store.clearDirty(upTo);
		}
		finally {
			leases.release(LEASE);
		}
	}

	void refreshDue() {
		refreshDirty();
		int current = settings.currentYear();
		Map<Integer, Instant> refreshed = store.refreshed(settings.startMonth());
		for (int year = current - StatisticsManagement.TREND_YEARS; year <= current; year++) {
			Instant last = refreshed.get(year);
			boolean closedSince = last != null && last.isBefore(settings.period(year).endExclusive())
					&& settings.period(year).end().isBefore(settings.today());
			boolean stale = year == current && last != null && last.plus(fullRefresh).isBefore(settings.now());
			if (last == null || closedSince || stale) {
				refreshYear(year);
			}
		}
	}

	/** Recomputes the organizations marked dirty in every materialized year. */
	void refreshDirty() {
		StatisticsStore.Dirty dirty = store.dirty();
		if (dirty.organizations().isEmpty()) {
			return;
		}
		Set<Integer> years = store.refreshed(settings.startMonth()).keySet();
		if (dirty.organizations().contains(null) || dirty.organizations().size() > incrementalLimit) {
			years.forEach(this::refreshYear);
		}
		else {
			for (long organization : dirty.organizations()) {
				List<Long> ancestors = organizations.ancestorsOf(organization);
				if (ancestors.isEmpty()) {
					continue;
				}
				for (int year : years) {
					OrganizationFigures figures = compute(organization, year);
					Map<String, BigDecimal> own = new HashMap<>();
					figures.keys().forEach(key -> {
						BigDecimal value = figures.of(key).get(organization);
						if (value != null) {
							own.put(key, value);
						}
					});
					transaction.executeWithoutResult(tx -> store.replaceOwn(year, organization, ancestors, own));
				}
			}
		}
		store.clearDirty(dirty.upTo());
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}
}
