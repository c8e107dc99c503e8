package cn.unionportal.shared.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named leases in table {@code cluster_lease}: at most one node holds a lease until it releases
 * it or its time runs out, so scheduled work (purges, reminders, statistics refresh) runs on one
 * node at a time even when every node's scheduler fires. Taking a lease is one conditional
 * {@code UPDATE … WHERE lease_until <= now} (or the first {@code INSERT}), each in a transaction
 * of its own: portable between PostgreSQL and H2, no advisory locks, no connection held while the
 * work runs. A node that dies while holding a lease blocks the work only until the lease expires,
 * so a lease is taken for longer than the work can take, and released at once when done.
 * Times come from the portal's clock; the nodes' clocks are assumed to agree (NTP) within a small
 * fraction of a lease. Within a node a lease is exclusive too: while one thread holds it (the
 * scheduler's run), another (an administrator's "refresh now") does not get it.
 */
@Component
public class ClusterLeases {

	private static final Logger log = LoggerFactory.getLogger(ClusterLeases.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final NodeIdentity node;

	private final Clock clock;

	private final java.util.Set<String> heldHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

	ClusterLeases(JdbcClient jdbc, PlatformTransactionManager transactionManager, NodeIdentity node, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = node;
		this.clock = clock;
	}

	/**
	 * Takes the lease {@code name} for {@code duration} if nobody else holds it, on another node
	 * or in another thread of this one. A lease this node held when its holder stopped without
	 * releasing it (an interrupted run) is taken again at once. @return whether the caller now holds it
	 */
	public boolean tryAcquire(String name, Duration duration) {
		if (!heldHere.add(name)) {
			return false;
		}
		boolean taken = false;
		try {
			taken = acquireInDatabase(name, duration);
			return taken;
		}
		finally {
			if (!taken) {
				heldHere.remove(name);
			}
		}
	}

	private boolean acquireInDatabase(String name, Duration duration) {
		Instant now = clock.instant();
		Timestamp until = Timestamp.from(now.plus(duration));
		Integer taken = ownTransaction.execute(tx -> jdbc.sql("""
				UPDATE cluster_lease SET holder = :me, lease_until = :until, acquired_at = :now
				WHERE name = :name AND (lease_until <= :now OR holder = :me)
				""").param("me", node.id()).param("until", until).param("now", Timestamp.from(now)).param("name", name)
			.update());
		if (taken != null && taken == 1) {
			return true;
		}
		try {
			ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
					INSERT INTO cluster_lease (name, holder, lease_until, acquired_at) VALUES (:name, :me, :until, :now)
					""").param("name", name).param("me", node.id()).param("until", until).param("now", Timestamp.from(now))
				.update());
			return true;
		}
		catch (DataIntegrityViolationException held) {
			return false;
		}
	}

	/** Gives the lease back at once, if this node holds it. */
	public void release(String name) {
		try {
			ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
					UPDATE cluster_lease SET lease_until = :now WHERE name = :name AND holder = :me
					""").param("now", Timestamp.from(clock.instant())).param("name", name).param("me", node.id()).update());
		}
		finally {
			heldHere.remove(name);
		}
	}

	/** Who holds the lease now, if anyone (for the operations page and tests). */
	public Optional<String> holder(String name) {
		return jdbc.sql("SELECT holder FROM cluster_lease WHERE name = :name AND lease_until > :now")
			.param("name", name)
			.param("now", Timestamp.from(clock.instant()))
			.query(String.class)
			.optional();
	}

	/**
	 * Runs {@code work} on this node if it can take the lease, then releases it. @return whether
	 * the work ran here (false: another node holds the lease and runs it)
	 */
	public boolean runExclusively(String name, Duration maxDuration, Runnable work) {
		if (!tryAcquire(name, maxDuration)) {
			log.debug("{}: another node holds the lease, skipped on {}", name, node.id());
			return false;
		}
		try {
			work.run();
			return true;
		}
		finally {
			release(name);
		}
	}
}
