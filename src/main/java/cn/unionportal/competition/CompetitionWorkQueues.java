package cn.unionportal.competition;

import java.util.ArrayList;
import java.util.List;

import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.statistics.WorkQueueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competitions' queues on the home page (issue 12): score sheets the user still has to mark
 * and sign as a judge (a staff account that also holds the judge role; judge-only accounts land on
 * their sheets directly), and unresolved objections to the public notice of competitions the
 * user's organization (or one below it) organizes. Entries have no check step in the competition
 * workflow, so there is no queue of entries to check.
 */
@Component
@Transactional(readOnly = true)
class CompetitionWorkQueues implements WorkQueueSource {

	private final JdbcClient jdbc;

	private final CompetitionPermissions permissions;

	CompetitionWorkQueues(JdbcClient jdbc, CompetitionPermissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	@Override
	public List<WorkQueue> queues(CurrentUser user) {
		List<WorkQueue> queues = new ArrayList<>();
		if (user.has(StaffRole.JUDGE)) {
			long sheets = jdbc.sql("""
					SELECT COUNT(*) FROM competition_panel p
					JOIN competition_judge j ON j.id = p.judge_id
					JOIN competition_trade t ON t.id = p.trade_id
					JOIN competition c ON c.id = t.competition_id
					WHERE j.account_username = :username AND p.signed_at IS NULL AND t.locked_at IS NULL
					AND c.status IN ('IN_PROGRESS', 'SCORING')""")
				.param("username", user.username())
				.query(Long.class)
				.single();
			queues.add(new WorkQueue("statistics.queue.sheets", sheets, "/competitions/judging", 70));
		}
		if (permissions.isStaff(user)) {
			ScopedQuery objections = ScopedQuery
				.from("competition_objection o JOIN competition c ON c.id = o.competition_id", "c.organizer_id",
						permissions.scope(user).rootId())
				.and("o.resolved_at IS NULL");
			queues.add(new WorkQueue("statistics.queue.competitionObjections", objections.count(jdbc), "/competitions", 71));
		}
		return queues;
	}
}
