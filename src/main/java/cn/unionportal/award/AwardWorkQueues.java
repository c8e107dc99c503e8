package cn.unionportal.award;

import java.util.List;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.statistics.WorkQueueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards' queues on the home page (issue 12): nominations submitted to the user's organization for
 * the district review (its quota organization) that the user did not nominate (four eyes), and
 * nominations approved by the districts waiting for the panel of a campaign the user's organization
 * runs, without the user's vote yet. The four-eyes conditions are AwardPermissions' own.
 */
@Component
@Transactional(readOnly = true)
class AwardWorkQueues implements WorkQueueSource {

	private final JdbcClient jdbc;

	AwardWorkQueues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkQueue> queues(CurrentUser user) {
		long toReview = jdbc.sql("""
				SELECT COUNT(*) FROM nomination n
				WHERE n.status = 'SUBMITTED' AND\s""" + AwardPermissions.DISTRICT_REVIEWER)
			.param("org", user.organizationId())
			.param("me", user.username())
			.query(Long.class)
			.single();
		long toVote = jdbc.sql("""
				SELECT COUNT(*) FROM nomination n JOIN award_campaign c ON c.id = n.campaign_id
				WHERE n.status = 'DISTRICT_APPROVED'
				  AND NOT EXISTS (SELECT 1 FROM panel_vote v WHERE v.nomination_id = n.id AND v.voter = :me)
				  AND\s""" + AwardPermissions.PANEL_VOTER)
			.param("org", user.organizationId())
			.param("me", user.username())
			.query(Long.class)
			.single();
		return List.of(new WorkQueue("award.queue.review", toReview, "/awards", 60),
				new WorkQueue("award.queue.vote", toVote, "/awards", 61));
	}
}
