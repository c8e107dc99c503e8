package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.MutableClock;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 8, item 1: exact searches by ID or mobile number are limited per user (default 20 an hour),
 * atomically in the database, and each admitted one is in the audit trail with the searched value
 * masked. Name searches stay unlimited. On the code before, all 40 parallel searches went through
 * and none was audited.
 */
class MemberExactSearchLimitTest extends PostgresIntegrationTest {

	static final int LIMIT = 20;

	@Autowired
	MemberManagement members;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	private String staffAccount(String username) {
		if (!accounts.exists(username)) {
			accounts.createInitialAccount(username, "精确查询测试", demo.org("威海恒科精工有限公司工会"), Set.of(StaffRole.STAFF),
					"Staff-pass-12", false);
		}
		return username;
	}

	@Test
	void parallelExactSearchesOfOneUserStopAtTheLimitAndEachAdmittedOneIsAudited() throws Exception {
		CurrentUser user = ImportTestSupport.user(users, staffAccount("exact-parallel"));
		List<Callable<Boolean>> searches = new ArrayList<>();
		for (int i = 0; i < 2 * LIMIT; i++) {
			String text = i % 2 == 0 ? "139 1234 5678" : ImportFiles.uniqueId(Gender.MALE);
			searches.add(() -> {
				try {
					members.search(user, new MemberQuery(text, null, null, null, null), PageRequest.of(0, 20));
					return true;
				}
				catch (RuleViolationException refused) {
					assertThat(refused.messageKey()).isEqualTo("member.search.exactLimit");
					return false;
				}
			});
		}
		int admitted = 0;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Boolean> result : pool.invokeAll(searches)) {
				admitted += result.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(admitted).isEqualTo(LIMIT);
		List<String> audited = jdbc.queryForList(
				"SELECT action || ' ' || details FROM audit_event WHERE actor = 'exact-parallel'", String.class);
		assertThat(audited).hasSize(LIMIT)
			.allMatch(line -> line.equals("SEARCH_PHONE 139****5678") || line.matches("SEARCH_ID_NUMBER \\*{16}[0-9X]{2}"));
		// a name search is not an exact one
		assertThat(members.search(user, new MemberQuery("王", null, null, null, null), PageRequest.of(0, 20))
			.getContent()).isNotEmpty();
	}

	@Test
	void theRefusalSaysTheLimitInChineseAndEnglishAndCoversTheExport() throws Exception {
		String username = staffAccount("exact-pages");
		for (int i = 0; i < LIMIT; i++) {
			mvc.perform(get("/members").param("q", "13900001111").with(demo.as(username))).andExpect(status().isOk());
		}
		String chinese = mvc.perform(get("/members").param("q", "13900001111").with(demo.as(username)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("精确查询每 60 分钟最多 20 次");
		String english = mvc
			.perform(get("/members").param("q", ImportFiles.uniqueId(Gender.FEMALE)).param("lang", "en")
				.with(demo.as(username)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("limited to 20 every 60 minutes");
		mvc.perform(get("/members/export.xlsx").param("q", "13900001111").with(demo.as(username)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/members").param("q", "王").with(demo.as(username))).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'SEARCH_PHONE'",
				Integer.class, username)).isEqualTo(LIMIT);
	}

	@Test
	void aRegistrationThatFindsTheNumberTakenCountsAsAnExactSearch() {
		long union = demo.org("威海恒科精工有限公司工会");
		CurrentUser user = ImportTestSupport.user(users, staffAccount("exact-duplicate"));
		String taken = ImportFiles.uniqueId(Gender.MALE);
		members.register(ImportTestSupport.user(users, "admin"), new MemberData("占号人", null, DocumentType.RESIDENT_ID,
				taken, null, null, EmploymentType.ON_THE_JOB, union, null));
		MemberData again = new MemberData("试号人", null, DocumentType.RESIDENT_ID, taken, null, null,
				EmploymentType.ON_THE_JOB, union, null);
		for (int i = 0; i < LIMIT; i++) {
			assertThatThrownBy(() -> members.register(user, again)).isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.messageKey()).startsWith("member.error.duplicate"));
		}
		assertThatThrownBy(() -> members.register(user, again)).isInstanceOfSatisfying(RuleViolationException.class,
				refused -> {
					assertThat(refused.messageKey()).isEqualTo("member.search.exactLimit");
					assertThat(refused.field()).isEqualTo("idNumber");
				});
		assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE actor = 'exact-duplicate'", String.class))
			.hasSize(LIMIT)
			.containsOnly(Masking.idNumber(taken));
	}

	@Test
	void aNewWindowStartsTheCountAgain(@Autowired JdbcClient jdbcClient,
			@Autowired AuditTrail audit,
			@Autowired PlatformTransactionManager transactions) {
		CurrentUser user = ImportTestSupport.user(users, staffAccount("exact-window"));
		Instant start = Instant.parse("2031-03-01T10:00:00Z");
		MutableClock clock = new MutableClock(start);
		MemberExactSearches limited = new MemberExactSearches(new AttemptLimits(jdbcClient, clock), audit, transactions,
				2, Duration.ofHours(1));
		MemberSearchSql.Exact exact = new MemberSearchSql.Exact("SEARCH_PHONE", "139****5678");
		limited.admit(user, exact, user.organizationId());
		limited.admit(user, exact, user.organizationId());
		assertThatThrownBy(() -> limited.admit(user, exact, user.organizationId()))
			.isInstanceOf(RuleViolationException.class);
		clock.set(start.plus(Duration.ofMinutes(59)));
		assertThatThrownBy(() -> limited.admit(user, exact, user.organizationId()))
			.isInstanceOf(RuleViolationException.class);
		clock.set(start.plus(Duration.ofMinutes(60)));
		limited.admit(user, exact, user.organizationId());
		limited.admit(user, exact, user.organizationId());
		assertThatThrownBy(() -> limited.admit(user, exact, user.organizationId()))
			.isInstanceOf(RuleViolationException.class);
	}
}
