package cn.unionportal.operations;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port's own filter chain, ahead of the portal's: health, info and Prometheus are
 * open there (the port is bound to 127.0.0.1, or left unpublished in a container), everything
 * else on it is refused, no session is created. It matches only requests that arrived on the
 * management server's port, so on the application port {@code /actuator/**} stays behind the
 * portal's chain (a staff page that does not exist).
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	/** The management server's port once it listens; -1 before (and when it shares the main port). */
	private volatile int managementPort = -1;

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			managementPort = event.getWebServer().getPort();
		}
	}

	boolean onManagementPort(HttpServletRequest request) {
		return managementPort > 0 && request.getLocalPort() == managementPort;
	}

	@Bean
	@Order(1)
	SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(this::onManagementPort)
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				.anyRequest()
				.denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}
}
