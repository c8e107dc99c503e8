package cn.unionportal.member;

import java.util.List;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.statistics.WorkQueueSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The member registry's queue on the home page: transfers waiting for the user's acceptance. */
@Component
class MemberWorkQueues implements WorkQueueSource {

	private final MemberManagement members;

	MemberWorkQueues(MemberManagement members) {
		this.members = members;
	}

	@Override
	public List<WorkQueue> queues(CurrentUser user) {
		long incoming = members.incomingTransfers(user, PageRequest.of(0, 1)).getTotalElements();
		return List.of(new WorkQueue("statistics.queue.transfers", incoming, "/members/transfers", 40));
	}
}
