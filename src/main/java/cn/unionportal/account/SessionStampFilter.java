package cn.unionportal.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account lost rights after it signed in. Every request of a signed-in
 * session compares the security stamp its principal carries with the account's current one (one
 * primary-key read; the stamp lives in the database, so this holds when several nodes share the
 * sessions). A changed or vanished stamp invalidates the session and sends the browser to
 * {@code /login?expired}: disabled, roles changed, password reset, organization dissolved,
 * member's status changed, member's account reset.
 */
class SessionStampFilter extends OncePerRequestFilter {

	static final String EXPIRED_PAGE = "/login?expired";

	private final SessionStamps stamps;

	private final List<LoginSource> otherSources;

	SessionStampFilter(SessionStamps stamps, List<LoginSource> otherSources) {
		this.stamps = stamps;
		this.otherSources = otherSources;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && !isCurrent(authentication.getPrincipal())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isCurrent(Object principal) {
		if (principal instanceof StaffPrincipal staff) {
			return stamps.of(staff.currentUser().accountId())
				.map(version -> version == staff.sessionVersion())
				.orElse(false);
		}
		for (LoginSource source : otherSources) {
			Optional<Boolean> current = source.isCurrent(principal);
			if (current.isPresent()) {
				return current.get();
			}
		}
		// anonymous and principals of no source (tests' mock users) are not stamped
		return true;
	}
}
