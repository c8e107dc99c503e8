package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidCaseLists;
import cn.unionportal.aid.files.HardshipFileSearch;
import java.util.List;

import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.statistics.WorkQueueSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hardship aid's queues on the home page: files waiting for a step the user may take and cases
 * waiting for the user's decision (the counts of the queues' own pages, same rules), approved
 * cases not fully paid, and objections not yet resolved, within the user's scope.
 */
@Component
@Transactional(readOnly = true)
class AidWorkQueues implements WorkQueueSource {

	private final HardshipFileSearch files;

	private final AidCaseLists cases;

	private final JdbcClient jdbc;

	AidWorkQueues(HardshipFileSearch files, AidCaseLists cases, JdbcClient jdbc) {
		this.files = files;
		this.cases = cases;
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkQueue> queues(CurrentUser user) {
		long fileSteps = files.workQueue(user, PageRequest.of(0, 1)).getTotalElements();
		long decisions = cases.decidesCases(user) ? cases.queue(user, PageRequest.of(0, 1)).getTotalElements() : 0;
		long due = ScopedQuery.from("aid_case c", "c.organization_id", user.organizationId())
			.and("c.status = 'APPROVED'")
			.count(jdbc);
		long objections = ScopedQuery.from("hardship_objection o JOIN hardship_file f ON f.id = o.file_id", "f.organization_id",
				user.organizationId())
			.and("o.resolved_at IS NULL")
			.count(jdbc);
		return List.of(new WorkQueue("statistics.queue.files", fileSteps, "/aid/files/queue", 10),
				new WorkQueue("statistics.queue.cases", decisions, "/aid/cases/queue", 20),
				new WorkQueue("statistics.queue.payments", due, "/aid/cases?status=APPROVED", 30),
				new WorkQueue("statistics.queue.objections", objections, "/aid/files?status=PUBLIC_NOTICE", 50));
	}
}
