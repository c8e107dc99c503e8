package cn.unionportal.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The competitions' home-page queues: open objections count for the organizer's scope only, and
 * a staff account that is also a judge sees its unsigned sheets of trades still being marked.
 */
class CompetitionWorkQueuesTest extends PostgresIntegrationTest {

	@Autowired
	CompetitionWorkQueues queues;

	@Test
	void openObjectionsCountWithinTheOrganizersScope() {
		long competition = jdbc.queryForObject("SELECT MIN(id) FROM competition", Long.class);
		long organizer = jdbc.queryForObject("SELECT organizer_id FROM competition WHERE id = ?", Long.class, competition);
		CurrentUser federation = CurrentUser.system(demo.org("威海市总工会"));
		long before = count(queues.queues(federation), "statistics.queue.competitionObjections");
		jdbc.update("""
				INSERT INTO competition_objection (competition_id, content, recorded_by, recorded_at)
				VALUES (?, '测试异议', 'admin', ?)""", competition, Timestamp.from(Instant.now()));
		assertThat(count(queues.queues(federation), "statistics.queue.competitionObjections")).isEqualTo(before + 1);
		long independent = jdbc.queryForObject("""
				SELECT COUNT(*) FROM competition_objection o JOIN competition c ON c.id = o.competition_id
				WHERE o.resolved_at IS NULL AND c.organizer_id IN (SELECT descendant_id FROM organization_closure
				WHERE ancestor_id = ?)""", Long.class, organizer);
		assertThat(count(queues.queues(CurrentUser.system(organizer)), "statistics.queue.competitionObjections"))
			.isEqualTo(independent);
		jdbc.update("UPDATE competition_objection SET resolved_at = ?, resolved_by = 'admin', resolution = '已处理'"
				+ " WHERE content = '测试异议'", Timestamp.from(Instant.now()));
		assertThat(count(queues.queues(federation), "statistics.queue.competitionObjections")).isEqualTo(before);
	}

	@Test
	void aStaffJudgeSeesTheSheetsStillToSign() {
		CurrentUser federation = CurrentUser.system(demo.org("威海市总工会"));
		assertThat(queues.queues(federation)).extracting(WorkQueue::labelKey).doesNotContain("statistics.queue.sheets");
		Long trade = jdbc.queryForObject("""
				SELECT MIN(t.id) FROM competition_trade t JOIN competition c ON c.id = t.competition_id
				WHERE c.status IN ('IN_PROGRESS', 'SCORING') AND t.locked_at IS NULL""", Long.class);
		assertThat(trade).as("the demo has a competition being marked").isNotNull();
		String username = "judgestaff" + System.nanoTime() % 100000;
		long organization = demo.org("威海市总工会");
		jdbc.update("""
				INSERT INTO competition_judge (name, name_sort_key, organization_id, qualification, trades, account_username,
				created_at) VALUES ('测试评委', 'ce shi ping wei', ?, '高级技师', '测试', ?, ?)""", organization, username,
				Timestamp.from(Instant.now()));
		long judge = jdbc.queryForObject("SELECT id FROM competition_judge WHERE account_username = ?", Long.class, username);
		jdbc.update("INSERT INTO competition_panel (trade_id, judge_id) VALUES (?, ?)", trade, judge);
		CurrentUser staffJudge = new CurrentUser(0, username, organization, Set.of(StaffRole.STAFF, StaffRole.JUDGE));
		assertThat(count(queues.queues(staffJudge), "statistics.queue.sheets")).isEqualTo(1);
		jdbc.update("UPDATE competition_panel SET signed_at = ? WHERE judge_id = ?", Timestamp.from(Instant.now()), judge);
		assertThat(count(queues.queues(staffJudge), "statistics.queue.sheets")).isZero();
	}

	private static long count(List<WorkQueue> queues, String key) {
		return queues.stream().filter(q -> q.labelKey().equals(key)).findFirst().orElseThrow().count();
	}
}
