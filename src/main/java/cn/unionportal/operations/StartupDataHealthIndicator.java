package cn.unionportal.operations;

import cn.unionportal.shared.startup.StartupState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code startupData} in the readiness group: out of service until the start-up tasks (first
 * administrator, demo data, key checks) have run, so a load balancer sends no sign-in to a
 * half-loaded node.
 */
@Component("startupData")
class StartupDataHealthIndicator implements HealthIndicator {

	private final StartupState startup;

	StartupDataHealthIndicator(StartupState startup) {
		this.startup = startup;
	}

	@Override
	public Health health() {
		return startup.complete() ? Health.up().build() : Health.outOfService().build();
	}
}
