package cn.unionportal.selfservice;

import cn.unionportal.shared.retention.RetentionSettings;
import cn.unionportal.shared.retention.RetentionTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wrong activation attempts are kept for {@code portal.retention.attempts} (7 days). */
@Configuration(proxyBeanMethods = false)
class ActivationAttemptRetention {

	@Bean
	RetentionTask activationAttemptPurge(JdbcClient jdbc) {
		return RetentionTask.deletingOlderThan(jdbc, "activation_attempt", "attempted_at", RetentionSettings::attempts);
	}
}
