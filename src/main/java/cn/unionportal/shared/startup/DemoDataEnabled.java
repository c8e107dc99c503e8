package cn.unionportal.shared.startup;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The demo module's rule, for the demo data of the other modules (issue 12): demo data when
 * {@code portal.demo.enabled=true}, or when the property is empty and the portal runs on its
 * embedded H2 default, so a PostgreSQL installation never gets it by accident.
 */
public class DemoDataEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String enabled = context.getEnvironment().getProperty("portal.demo.enabled", "");
		if (!enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.strip());
		}
		return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}
}
