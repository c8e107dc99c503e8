package cn.unionportal.shared.replica;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page must show what its own session just wrote, even if the replica has not replayed it yet:
 * every request that may write (anything but GET and HEAD, sign-in included) reads from the
 * primary, and marks its session so that the session's requests for {@code portal.replica.stick}
 * afterwards (the redirect after a POST, the next page) read from the primary too.
 */
public final class ReadYourWrites extends OncePerRequestFilter {

	static final String PRIMARY_UNTIL = ReadYourWrites.class.getName() + ".primaryUntil";

	private static final ThreadLocal<Boolean> PINNED = new ThreadLocal<>();

	private final Duration stick;

	private final Clock clock;

	ReadYourWrites(Duration stick, Clock clock) {
		this.stick = stick;
		this.clock = clock;
	}

	/** Whether read-only work of the current thread must go to the primary. */
	public static boolean pinnedToPrimary() {
		return Boolean.TRUE.equals(PINNED.get());
	}

	/** Runs {@code work} with the current thread's reads on the primary (tests, background writers). */
	public static void onPrimary(Runnable work) {
		Boolean before = PINNED.get();
		PINNED.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			PINNED.set(before);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = clock.millis();
		boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		HttpSession session = request.getSession(false);
		boolean recentWrite = session != null && session.getAttribute(PRIMARY_UNTIL) instanceof Long until && until > now;
		PINNED.set(writes || recentWrite);
		try {
			chain.doFilter(request, response);
		}
		finally {
			PINNED.remove();
			if (writes) {
				HttpSession after = request.getSession(false);
				if (after != null) {
					try {
						after.setAttribute(PRIMARY_UNTIL, now + stick.toMillis());
					}
					catch (IllegalStateException invalidated) {
						// signed out: nothing to remember
					}
				}
			}
		}
	}
}
