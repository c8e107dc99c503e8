package cn.unionportal.award;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The awards queues on the home page count the nominations submitted to the user's organization,
 * but never the user's own nominations (four eyes), and nothing for another organization.
 */
class AwardWorkQueuesTest extends PostgresIntegrationTest {

	@Autowired
	AwardWorkQueues queues;

	@Test
	void theReviewQueueCountsSubmittedNominationsOfTheOrganizationButNotTheUsersOwn() {
		Map<String, Object> nomination = jdbc.queryForMap("""
				SELECT quota_organization_id, nominated_by FROM nomination WHERE status = 'SUBMITTED'
				ORDER BY id FETCH FIRST 1 ROWS ONLY""");
		long organization = ((Number) nomination.get("quota_organization_id")).longValue();
		String nominator = (String) nomination.get("nominated_by");
		long submitted = jdbc.queryForObject(
				"SELECT COUNT(*) FROM nomination WHERE status = 'SUBMITTED' AND quota_organization_id = ?", Long.class,
				organization);
		long byNominator = jdbc.queryForObject("""
				SELECT COUNT(*) FROM nomination WHERE status = 'SUBMITTED' AND quota_organization_id = ?
				AND nominated_by = ?""", Long.class, organization, nominator);

		assertThat(review(new CurrentUser(-1, "someone-else", organization, Set.of(StaffRole.STAFF)))).isEqualTo(submitted);
		assertThat(review(new CurrentUser(-2, nominator, organization, Set.of(StaffRole.STAFF))))
			.isEqualTo(submitted - byNominator)
			.isLessThan(submitted);
		long elsewhere = jdbc.queryForObject("""
				SELECT MIN(id) FROM organization WHERE id NOT IN (SELECT quota_organization_id FROM nomination)""", Long.class);
		assertThat(review(new CurrentUser(-3, "someone-else", elsewhere, Set.of(StaffRole.STAFF)))).isZero();
	}

	private long review(CurrentUser user) {
		Map<String, Long> counts = queues.queues(user)
			.stream()
			.collect(Collectors.toMap(WorkQueue::labelKey, WorkQueue::count));
		return counts.get("award.queue.review");
	}
}
