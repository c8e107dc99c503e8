package cn.unionportal.award;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real concurrent requests (not transactional: every call commits): two organizations nominating
 * the same person at once get one nomination (the database refuses the second, with the clear
 * message), and two reviewers approving at once approve once.
 */
class AwardConcurrencyTest extends PostgresIntegrationTest {

	@Autowired
	CampaignManagement campaigns;

	@Autowired
	NominationManagement nominations;

	@Autowired
	NominationReview review;

	@Autowired
	NominationFiles files;

	@Autowired
	HonourCatalogue catalogue;

	/** Runs the calls at the same moment; each answers "ok" or the message key that refused it. */
	static List<String> together(List<Callable<String>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (Callable<String> call : calls) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					return call.call();
				}
				catch (cn.unionportal.shared.RuleViolationException refused) {
					return refused.messageKey();
				}
				catch (cn.unionportal.shared.ConflictException stale) {
					return "conflict";
				}
			}));
		}
		start.countDown();
		List<String> answers = new ArrayList<>();
		for (Future<String> f : results) {
			answers.add(f.get());
		}
		pool.shutdown();
		return answers;
	}

	@Test
	void twoOrganizationsNominatingTheSamePersonAtOnceMakeOneNomination() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long district = demo.org("文登区总工会");
		long township = demo.org("大水泊镇工会");
		long union = demo.org("大明国际控股有限公司威海分公司工会");
		CurrentUser owner = new CurrentUser(0, "wendeng-owner", district, Set.of(StaffRole.ORG_ADMIN));
		long campaign = campaigns.open(owner, new CampaignData(catalogue.byCode("WEIHAI_ADVANCED_WORKER").orElseThrow().id(),
				today.getYear(), "并发推荐测试", 10, today.plusDays(5), today.plusDays(6), 5));
		long member = jdbc.queryForObject("SELECT id FROM member WHERE organization_id = ? AND status = 'ACTIVE'"
				+ " ORDER BY id DESC OFFSET 20 LIMIT 1", Long.class, union);
		CurrentUser atUnion = new CurrentUser(0, "union-a", union, Set.of(StaffRole.STAFF));
		CurrentUser atTownship = new CurrentUser(0, "township-b", township, Set.of(StaffRole.STAFF));
		List<String> answers = together(List.of(
				() -> ok(nominations.nominate(atUnion, campaign, data(union, member))),
				() -> ok(nominations.nominate(atTownship, campaign, data(township, member)))));
		assertThat(answers).containsExactlyInAnyOrder("ok", "award.error.duplicateNomination");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nomination WHERE campaign_id = ? AND member_id = ?",
				Long.class, campaign, member)).isEqualTo(1);

		long id = jdbc.queryForObject("SELECT id FROM nomination WHERE campaign_id = ?", Long.class, campaign);
		CurrentUser nominator = jdbc.queryForObject("SELECT organization_id FROM nomination WHERE id = ?", Long.class, id) == union
				? atUnion : atTownship;
		files.store(nominator, id, "DEEDS", "deeds.pdf", new ByteArrayResource(AwardFlowTest.PDF));
		long version = jdbc.queryForObject("SELECT version FROM nomination WHERE id = ?", Long.class, id);
		nominations.submit(nominator, id, version);
		long submitted = jdbc.queryForObject("SELECT version FROM nomination WHERE id = ?", Long.class, id);
		CurrentUser first = new CurrentUser(0, "reviewer-1", township, Set.of(StaffRole.STAFF));
		CurrentUser second = new CurrentUser(0, "reviewer-2", township, Set.of(StaffRole.STAFF));
		List<String> reviews = together(List.of(
				() -> review(first, id, submitted), () -> review(second, id, submitted)));
		assertThat(reviews).contains("ok").hasSize(2).filteredOn("ok"::equals).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nomination_event WHERE nomination_id = ? AND step = 'DISTRICT_APPROVED'",
				Long.class, id)).isEqualTo(1);
	}

	private String review(CurrentUser reviewer, long id, long version) {
		review.reviewInDistrict(reviewer, id, version, ReviewDecision.APPROVE, null);
		return "ok";
	}

	private static NominationData data(long organization, long member) {
		return new NominationData(organization, member, null, NomineeCategory.FRONT_LINE, "事迹", "决议", "公示");
	}

	private static String ok(long id) {
		return "ok";
	}
}
