package cn.unionportal.shared.crypto;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the embedded H2 file database its generated password ({@link EmbeddedDatabase}) before
 * the connection pool or Flyway opens it: the data source settings are completed as they are
 * created, so every later connection uses the password.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

	@Bean
	static BeanPostProcessor embeddedDatabasePassword() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSourceProperties properties && EmbeddedDatabase.isEmbeddedFile(properties.getUrl())
						&& (properties.getPassword() == null || properties.getPassword().isEmpty())) {
					String user = properties.getUsername() == null || properties.getUsername().isEmpty() ? "sa"
							: properties.getUsername();
					properties.setUsername(user);
					properties.setPassword(EmbeddedDatabase.prepare(properties.getUrl(), user));
				}
				return bean;
			}
		};
	}
}
