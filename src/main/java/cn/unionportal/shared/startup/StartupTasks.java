package cn.unionportal.shared.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s once, in an early lifecycle phase: after every bean is ready
 * (Flyway has migrated, transactions and event listeners work) and before the web server's
 * lifecycle starts Tomcat's connector. Application runners came too late: the demo logins failed
 * for the first seconds the login page answered. Skipped when the data generator runs
 * ({@code portal.generate}): it needs the fresh database and exits afterwards.
 */
@Component
class StartupTasks implements SmartLifecycle, StartupState {

	/** Well before the web server (whose phase is close to {@link Integer#MAX_VALUE}). */
	static final int PHASE = 0;

	private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

	private final ObjectProvider<StartupTask> tasks;

	private final Environment environment;

	private volatile boolean running;

	private volatile boolean complete;

	StartupTasks(ObjectProvider<StartupTask> tasks, Environment environment) {
		this.tasks = tasks;
		this.environment = environment;
	}

	@Override
	public void start() {
		if (!running && !environment.containsProperty("portal.generate")) {
			tasks.orderedStream().forEach(task -> {
				log.debug("Start-up task {}", task.getClass().getSimpleName());
				task.runAtStartup();
			});
		}
		running = true;
		complete = true;
	}

	@Override
	public boolean complete() {
		return complete;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
