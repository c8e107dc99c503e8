package cn.unionportal.account;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The one security filter chain: form login through {@link PortalAuthenticationProvider}, CSRF
 * on, session fixation protection, sessions ended by {@link SessionStampFilter} when their
 * account loses rights. Staff pages need a staff role, account pages an administrator (the
 * services check again, with scope); members' self-service pages under {@code /me} need a
 * member account, so a member never reaches a staff page and staff never a member's page. The
 * families' status page and the public notice of hardship files are public.
 *
 * <p>With {@code portal.security.tls=true} (the portal is reached over HTTPS, directly or
 * through a proxy that terminates TLS) every answer carries HSTS, whether or not the request
 * reached Tomcat encrypted; the session cookie's {@code Secure} flag follows the same setting in
 * {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, StaffUserDetailsService users, LoginAttempts attempts,
			PasswordEncoder passwordEncoder, SessionStamps stamps, List<LoginSource> otherSources,
			AuthenticationEventPublisher authenticationEvents, @Value("${portal.security.tls:false}") boolean tls)
			throws Exception {
		// sign-in events (success, failure, locked) for the business metrics (issue 14)
		ProviderManager authentication = new ProviderManager(new PortalAuthenticationProvider(users, attempts, passwordEncoder));
		authentication.setAuthenticationEventPublisher(authenticationEvents);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/error/**", "/status", "/notice", "/me/activate", "/verify", "/verify/**", "/achievements", "/honours",
					"/honours/notice", "/honours/notice/*/objections")
			.permitAll()
			.requestMatchers("/me/**")
			.hasRole("MEMBER")
			.requestMatchers("/competitions/results", "/competitions/results/*")
			.permitAll()
			.requestMatchers("/competitions/judging", "/competitions/judging/**")
			.hasRole("JUDGE")
			.requestMatchers("/account/password")
			.hasAnyRole("FEDERATION_ADMIN", "ORG_ADMIN", "STAFF", "JUDGE")
			.requestMatchers("/accounts/**", "/audit/**")
			.hasAnyRole("FEDERATION_ADMIN", "ORG_ADMIN")
			.requestMatchers("/")
			.authenticated()
			.anyRequest()
			.hasAnyRole("FEDERATION_ADMIN", "ORG_ADMIN", "STAFF"))
			.authenticationManager(authentication)
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID", "SESSION"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> {
				headers.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"));
				headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
				if (tls) {
					headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
						.maxAgeInSeconds(31_536_000)
						.includeSubDomains(true));
				}
			})
			.addFilterAfter(new SessionStampFilter(stamps, otherSources), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeEnforcer(), SessionStampFilter.class);
		return http.build();
	}

	/**
	 * No Micrometer observation around every security filter, authentication and authorization (issue
	 * 13): a JFR profile under load put the wrapping of the filters at 2-3 % of a page's CPU, for
	 * timers nobody reads (sign-ins are counted from the authentication events below, issue 14).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
