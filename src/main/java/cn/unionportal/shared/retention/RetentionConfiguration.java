package cn.unionportal.shared.retention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns scheduling on for the purge and purges the shared rate-limit counters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionConfiguration {

	/** Rate-limit counters whose window ended longer ago than the attempts retention. */
	@Bean
	RetentionTask attemptCounterPurge(JdbcClient jdbc) {
		return RetentionTask.deletingOlderThan(jdbc, "attempt_counter", "window_end", RetentionSettings::attempts);
	}
}
