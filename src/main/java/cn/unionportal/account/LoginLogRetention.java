package cn.unionportal.account;

import cn.unionportal.shared.retention.RetentionSettings;
import cn.unionportal.shared.retention.RetentionTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The login log (staff and members) is kept for {@code portal.retention.login-log} (180 days). */
@Configuration(proxyBeanMethods = false)
class LoginLogRetention {

	@Bean
	RetentionTask loginEventPurge(JdbcClient jdbc) {
		return RetentionTask.deletingOlderThan(jdbc, "login_event", "occurred_at", RetentionSettings::loginLog);
	}
}
