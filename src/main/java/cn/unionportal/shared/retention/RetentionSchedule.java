package cn.unionportal.shared.retention;

import java.time.Duration;

import cn.unionportal.shared.cluster.ClusterLeases;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the nightly purge on one node at a time: every node's scheduler fires, the node that takes
 * the {@value #LEASE} lease purges, the others skip (issue 14). The lease outlasts any purge; it is
 * released as soon as the purge ends, and lapses by itself if its node dies.
 */
@Component
class RetentionSchedule {

	static final String LEASE = "retention-purge";

	static final Duration LEASE_FOR = Duration.ofHours(2);

	private final RetentionJob job;

	private final ClusterLeases leases;

	RetentionSchedule(RetentionJob job, ClusterLeases leases) {
		this.job = job;
		this.leases = leases;
	}

	@Scheduled(cron = "${portal.retention.cron:0 30 3 * * *}", zone = "${portal.time-zone:Asia/Shanghai}")
	void runOnSchedule() {
		purgeIfLeaseFree();
	}

	/** @return whether the purge ran on this node (false: another node holds the lease) */
	boolean purgeIfLeaseFree() {
		return leases.runExclusively(LEASE, LEASE_FOR, job::purgeAll);
	}
}
