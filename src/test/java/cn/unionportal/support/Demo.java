package cn.unionportal.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Looks up the Weihai demo data for tests: organizations by name, demo accounts as principals.
 */
public final class Demo {

	public static final String PASSWORD = "portal-demo-2026";

	private final JdbcTemplate jdbc;

	private final UserDetailsService users;

	public Demo(JdbcTemplate jdbc, UserDetailsService users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public long org(String name) {
		return jdbc.queryForObject("SELECT id FROM organization WHERE name = ?", Long.class, name);
	}

	public String status(long organizationId) {
		return jdbc.queryForObject("SELECT status FROM organization WHERE id = ?", String.class, organizationId);
	}

	public Long parentOf(long organizationId) {
		return jdbc.queryForObject("SELECT parent_id FROM organization WHERE id = ?", Long.class, organizationId);
	}

	public long version(long organizationId) {
		return jdbc.queryForObject("SELECT version FROM organization WHERE id = ?", Long.class, organizationId);
	}

	/** Signs the request in as a real account loaded through the portal's own user details. */
	public RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}


	/** The POST that creates a staff account with one role and a valid temporary password. */
	public static MockHttpServletRequestBuilder newAccount(String username, long organization, String role) {
		return post("/accounts").param("username", username)
			.param("displayName", "测试账号")
			.param("organizationId", String.valueOf(organization))
			.param("roles", role)
			.param("initialPassword", "Initial-pass-1")
			.with(csrf());
	}
}
