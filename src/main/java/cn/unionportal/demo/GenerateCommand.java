package cn.unionportal.demo;

import java.util.Locale;

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
 * The generator command: with {@code --portal.generate=demo|weihai} (and optionally
 * {@code --portal.generate.seed=…}) the portal generates that synthetic federation into the
 * configured database, logs what it wrote and exits with status 0, or 1 when it could not (for
 * instance a database that is not fresh). Without the property this bean does not exist. With it,
 * the start-up tasks (demo data, first-administrator bootstrap) do not run.
 */
@Component
@ConditionalOnProperty("portal.generate")
@Order(5)
class GenerateCommand implements ApplicationRunner {

	/** The seed used when none is given. */
	static final long DEFAULT_SEED = 4_747L;

	private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

	private final SyntheticFederation federation;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	GenerateCommand(SyntheticFederation federation, Environment environment, ConfigurableApplicationContext context) {
		this.federation = federation;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = generate(environment.getProperty("portal.generate", ""),
				environment.getProperty("portal.generate.seed", Long.class, DEFAULT_SEED));
		System.exit(SpringApplication.exit(context, () -> status));
	}

	/** Runs the generator; answers the exit status. */
	int generate(String scaleName, long seed) {
		try {
			Scale scale = Scale.parse(scaleName);
			log.info("Generating the {} federation ({}) with seed {}", scale.name().toLowerCase(Locale.ROOT),
					scale.size(), seed);
			SyntheticFederation.Report report = federation.generate(scale.size(), seed);
			log.info("Generated {} organizations {}, {} affiliations and {} members in {} s ({} members per second)",
					report.organizations().values().stream().mapToInt(Integer::intValue).sum(), report.organizations(),
					report.affiliations(), report.members(), report.total().toMillis() / 1000.0,
					Math.round(report.membersPerSecond()));
			return 0;
		}
		catch (RuntimeException failure) {
			log.error("Generation failed: {}", failure.getMessage(), failure);
			return 1;
		}
	}
}
