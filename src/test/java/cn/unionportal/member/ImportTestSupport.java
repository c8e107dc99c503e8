package cn.unionportal.member;

import java.time.Duration;
import java.time.Instant;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.PortalPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Waiting for background imports, and demo users as {@link CurrentUser}s. */
final class ImportTestSupport {

	private ImportTestSupport() {
	}

	static CurrentUser user(UserDetailsService users, String username) {
		return ((PortalPrincipal) users.loadUserByUsername(username)).currentUser();
	}

	/** Polls until the import has finished, failing after the timeout. */
	static MemberImports.ImportJob awaitFinished(MemberImports imports, CurrentUser user, long id, Duration timeout)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			MemberImports.ImportJob job = imports.job(user, id);
			if (job.finished()) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("import " + id + " did not finish within " + timeout + ": " + job);
			}
			Thread.sleep(50);
		}
	}
}
