package cn.unionportal.demo;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The load-test setup command: with {@code --portal.loadtest.setup=N} (and optionally
 * {@code --portal.loadtest.dir=…}, default {@code target/load-data}, and
 * {@code --portal.loadtest.password=…}) the portal prepares {@link LoadTestData} for N staff and N
 * members, writes the feeders, and exits with status 0, or 1 when it could not. The start-up tasks
 * run before it as usual, so on a fresh embedded database the demo data is there first.
 */
@Component
@ConditionalOnProperty("portal.loadtest.setup")
@Order(6)
class LoadTestSetupCommand implements ApplicationRunner {

	/** The password of every load-test account unless another is given. */
	static final String DEFAULT_PASSWORD = "load-test-2026";

	private static final Logger log = LoggerFactory.getLogger(LoadTestSetupCommand.class);

	private final LoadTestData data;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	LoadTestSetupCommand(LoadTestData data, Environment environment, ConfigurableApplicationContext context) {
		this.data = data;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status;
		try {
			data.prepare(environment.getRequiredProperty("portal.loadtest.setup", Integer.class),
					environment.getProperty("portal.loadtest.password", DEFAULT_PASSWORD),
					Path.of(environment.getProperty("portal.loadtest.dir", "target/load-data")));
			status = 0;
		}
		catch (RuntimeException failure) {
			log.error("Load-test setup failed: {}", failure.getMessage(), failure);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}
}
