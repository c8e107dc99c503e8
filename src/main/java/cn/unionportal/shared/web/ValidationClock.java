package cn.unionportal.shared.web;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's "past or present" checks use the portal's clock (Asia/Shanghai), not the
 * JVM's time zone, so "today" on a form means today in Weihai.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

	@Bean
	ValidationConfigurationCustomizer portalClockForValidation(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock);
	}
}
