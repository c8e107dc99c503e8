package cn.unionportal.benefits;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The same rule as the demo module's condition: demo data when {@code portal.demo.enabled=true},
 * or when the property is left empty and the portal runs on its embedded H2 default.
 */
class BenefitsDemoCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String enabled = context.getEnvironment().getProperty("portal.demo.enabled", "");
		if (!enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.strip());
		}
		String url = context.getEnvironment().getProperty("spring.datasource.url", "");
		return url.startsWith("jdbc:h2:");
	}
}
