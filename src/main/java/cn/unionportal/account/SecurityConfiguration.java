package cn.unionportal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The one security filter chain: form login, CSRF on, session fixation protection. Staff pages
 * need a staff role, account pages an administrator (the services check again, with scope);
 * members' self-service pages under {@code /me} need a member account, so a member never
 * reaches a staff page and staff never a member's page. The families' status page and the
 * public notice of hardship files are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/error/**", "/status", "/notice", "/me/activate")
			.permitAll()
			.requestMatchers("/me/**")
			.hasRole("MEMBER")
			.requestMatchers("/accounts/**", "/audit/**")
			.hasAnyRole("FEDERATION_ADMIN", "ORG_ADMIN")
			.requestMatchers("/")
			.authenticated()
			.anyRequest()
			.hasAnyRole("FEDERATION_ADMIN", "ORG_ADMIN", "STAFF"))
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
			.addFilterAfter(new PasswordChangeEnforcer(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
