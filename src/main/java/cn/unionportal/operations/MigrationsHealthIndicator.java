package cn.unionportal.operations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code migrations} in the readiness group: up while every Flyway migration of this build is
 * applied and none failed. A node started on a database another, newer node migrated further is
 * still up (Flyway's validation on start-up refuses an older build where that matters).
 */
@Component("migrations")
class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Flyway flyway;

	MigrationsHealthIndicator(Flyway flyway) {
		super("Flyway migrations check failed");
		this.flyway = flyway;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		int pending = flyway.info().pending().length;
		boolean failed = false;
		for (MigrationInfo applied : flyway.info().applied()) {
			failed |= applied.getState().isFailed();
		}
		MigrationInfo current = flyway.info().current();
		builder.withDetail("version", current == null ? "none" : current.getVersion().toString())
			.withDetail("pending", pending);
		if (pending > 0 || failed) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
	}
}
