package cn.unionportal.member;

import java.time.Duration;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts and audits exact searches by ID or mobile number, per user. A masked mobile number
 * ({@code 139****2222}) leaves 10,000 candidates and a masked ID number with the birth year about
 * 3,300; an unlimited exact search tries them all in seconds. So every user gets
 * {@code portal.members.exact-searches} such searches per {@code portal.members.exact-search-window}
 * (fixed windows), and each admitted one is recorded in the audit trail with the searched value
 * masked.
 *
 * <p>The count is the shared {@link AttemptLimits} (limit {@value #LIMIT_NAME}, keyed by the
 * username: at most the limit, whatever runs in parallel). The slot is taken in a transaction of
 * its own together with the audit line, because searches run in read-only ones and because a
 * counted search stays counted (and audited) even when the page then fails. Slots are not given
 * back: every admitted search counts.
 */
@Component
class MemberExactSearches {

	/** The limit name in {@code attempt_counter}. */
	static final String LIMIT_NAME = "member-exact-search";

	private final AttemptLimits limits;

	private final AuditTrail audit;

	private final TransactionTemplate ownTransaction;

	private final int limit;

	private final Duration window;

	MemberExactSearches(AttemptLimits limits, AuditTrail audit, PlatformTransactionManager transactionManager,
			@Value("${portal.members.exact-searches:20}") int limit,
			@Value("${portal.members.exact-search-window:1h}") Duration window) {
		if (limit < 1 || window.toMinutes() < 1) {
			throw new IllegalStateException("portal.members.exact-searches must be at least 1 and "
					+ "portal.members.exact-search-window at least one minute");
		}
		this.limits = limits;
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.limit = limit;
		this.window = window;
	}

	/**
	 * Admits one exact search of the user, or refuses it with a message saying the limit.
	 *
	 * @param scope the organization whose subtree is searched (the audit line belongs to it)
	 * @throws RuleViolationException {@code member.search.exactLimit} when the user's searches of
	 *         this window are used up
	 */
	void admit(CurrentUser user, MemberSearchSql.Exact exact, long scope) {
		admit(user, exact, scope, "q");
	}

	/**
	 * Admits one exact lookup, see {@link #admit(CurrentUser, MemberSearchSql.Exact, long)}; a
	 * refusal names the given form field.
	 */
	void admit(CurrentUser user, MemberSearchSql.Exact exact, long scope, String field) {
		String username = user.username();
		AttemptLimits.Limit perUser = new AttemptLimits.Limit(LIMIT_NAME, username, limit, window);
		boolean admitted = Boolean.TRUE.equals(ownTransaction.execute(tx -> {
			boolean counted = limits.tryAcquire(perUser).isPresent();
			if (counted) {
				audit.record(username, exact.action(), MemberManagement.SUBJECT, 0, scope, exact.masked());
			}
			return counted;
		}));
		if (!admitted) {
			throw new RuleViolationException(field, "member.search.exactLimit", limit, window.toMinutes());
		}
	}
}
