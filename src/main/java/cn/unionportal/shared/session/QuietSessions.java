package cn.unionportal.shared.session;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Wraps the session repository Spring Boot configures (Spring Session JDBC) in a
 * {@link QuietSessionRepository}, after Boot's own customizations and lifecycle (its clean-up job
 * keeps running on the repository itself). Where Spring Session is off (the MockMvc tests) there
 * is nothing to wrap. {@code portal.session.touch-interval} (default one minute; zero: every request,
 * as Spring Session does) sets how stale the stored last access time may get.
 */
@Configuration(proxyBeanMethods = false)
class QuietSessions {

	@Bean
	static BeanPostProcessor quietSessionRepository(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository jdbc) {
					Duration touch = environment.getProperty("portal.session.touch-interval", Duration.class,
							Duration.ofMinutes(1));
					return touch.isZero() ? jdbc : new QuietSessionRepository(jdbc, touch);
				}
				return bean;
			}
		};
	}
}
