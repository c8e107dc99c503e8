package cn.unionportal.member;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether this node (application context) is stopping: set when the context starts closing,
 * before the import executor interrupts its threads, so that an import cut short by the shutdown
 * ends as "interrupted" (as when another node settles the job of a node that died), whatever
 * exception the interruption surfaced as in the sheet reader.
 */
@Component
class NodeStopping {

	private volatile boolean stopping;

	@EventListener(ContextClosedEvent.class)
	void onClose() {
		stopping = true;
	}

	boolean isStopping() {
		return stopping;
	}
}
