package cn.unionportal.shared.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC, without a write on every request. Spring Session's filter sets a session's
 * last access time on every request, and the JDBC repository then saves it: one
 * {@code UPDATE SPRING_SESSION} and one commit per page, on every node, for nothing but the time.
 * This wrapper lets the time move only once it is {@code touchInterval} old (a minute by default);
 * a session whose attributes, id or principal change is saved as before. The price: a session
 * idle for its full timeout may end up to {@code touchInterval} earlier than it would have.
 */
final class QuietSessionRepository implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession> {

	private final FindByIndexNameSessionRepository<Session> delegate;

	private final Duration touchInterval;

	@SuppressWarnings("unchecked")
	QuietSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration touchInterval) {
		this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
		this.touchInterval = touchInterval;
	}

	@Override
	public QuietSession createSession() {
		return new QuietSession(delegate.createSession(), touchInterval);
	}

	@Override
	public void save(QuietSession session) {
		delegate.save(session.delegate);
	}

	@Override
	public QuietSession findById(String id) {
		Session found = delegate.findById(id);
		return found == null ? null : new QuietSession(found, touchInterval);
	}

	@Override
	public void deleteById(String id) {
		delegate.deleteById(id);
	}

	@Override
	public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, QuietSession> sessions = new LinkedHashMap<>();
		delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new QuietSession(session, touchInterval)));
		return sessions;
	}

	/** A session whose last access time moves only when it is older than the touch interval. */
	static final class QuietSession implements Session {

		private final Session delegate;

		private final Duration touchInterval;

		QuietSession(Session delegate, Duration touchInterval) {
			this.delegate = delegate;
			this.touchInterval = touchInterval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Instant last = delegate.getLastAccessedTime();
			if (last == null || !lastAccessedTime.isBefore(last.plus(touchInterval))) {
				delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return delegate.isExpired();
		}
	}
}
