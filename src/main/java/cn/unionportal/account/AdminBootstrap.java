package cn.unionportal.account;

import java.security.SecureRandom;
import java.util.Set;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without any account, creates {@code admin} (federation administrator of the
 * municipal federation) with the configured password, or a random one printed once in the log.
 * Either way the password must be changed at the first login. Runs after the demo data loader,
 * before the web server accepts requests ({@link StartupTask}). A configured password must follow
 * the {@link PasswordPolicy}: the portal refuses to start with a weak one.
 */
@Component
@Order(100)
class AdminBootstrap implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountManagement accounts;

	private final OrganizationManagement organizations;

	private final String initialPassword;

	AdminBootstrap(AccountManagement accounts, OrganizationManagement organizations,
			@Value("${portal.admin.initial-password:}") String initialPassword) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.initialPassword = initialPassword;
	}

	@Override
	public void runAtStartup() {
		if (accounts.hasAnyAccount()) {
			return;
		}
		boolean generated = initialPassword == null || initialPassword.isBlank();
		if (!generated && (initialPassword.length() < PasswordPolicy.MIN_LENGTH
				|| initialPassword.length() > PasswordPolicy.MAX_LENGTH || PasswordPolicy.isCommon(initialPassword)
				|| initialPassword.equalsIgnoreCase("admin"))) {
			throw new IllegalStateException("PORTAL_ADMIN_PASSWORD must have " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters and not be a common password");
		}
		String password = generated ? randomPassword() : initialPassword;
		accounts.createInitialAccount("admin", "Administrator", organizations.rootId(),
				Set.of(StaffRole.FEDERATION_ADMIN), password, true);
		if (generated) {
			log.warn("Created the first administrator 'admin' with the one-time password: {}  "
					+ "(change it at the first login; set PORTAL_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("Created the first administrator 'admin' with the password from PORTAL_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
