package cn.unionportal.member;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact searches at once with a small connection pool (issue 13's load test found it): an exact
 * search is admitted and audited in a transaction of its own. Taken inside the search's read-only
 * transaction it needed a second connection while holding the first, and with every connection
 * held by such a search the pool deadlocked until its timeout (500s under load). Here a pool of two
 * and a timeout of three seconds: six searches started together, three rounds.
 */
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=3000", "portal.members.exact-searches=1000" })
class ExactSearchPoolTest extends PostgresIntegrationTest {

	@Autowired
	MemberManagement members;

	@Autowired
	UserDetailsService users;

	@Test
	void exactSearchesAtOnceDoNotExhaustThePool() throws Exception {
		CurrentUser admin = ImportTestSupport.user(users, "admin");
		long union = jdbc.queryForObject("""
				SELECT MIN(m.organization_id) FROM member m JOIN organization_closure c ON c.descendant_id = m.organization_id
				WHERE c.ancestor_id = ? AND c.depth > 0""", Long.class, demo.org("文登区总工会"));
		// an ID number: the kind of exact search that is admitted and audited
		String idNumber = new TestMembers(mvc, jdbc, demo).register(union, "池测", "admin").idNumber();
		int together = 6;
		ExecutorService threads = Executors.newFixedThreadPool(together);
		try {
			for (int round = 0; round < 3; round++) {
				CyclicBarrier start = new CyclicBarrier(together);
				List<Future<Long>> found = new ArrayList<>();
				for (int i = 0; i < together; i++) {
					found.add(threads.submit(() -> {
						start.await();
						return members.search(admin, new MemberQuery(idNumber, null, null, null, null), PageRequest.of(0, 5))
							.getTotalElements();
					}));
				}
				for (Future<Long> search : found) {
					assertThat(search.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}
}
