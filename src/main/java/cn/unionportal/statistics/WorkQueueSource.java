package cn.unionportal.statistics;

import java.util.List;

import cn.unionportal.shared.security.CurrentUser;

/**
 * SPI: a module's work queues for the staff home page, each counted within the user's scope and
 * with the module's own rules of who may act (the same query as the queue's own page).
 */
public interface WorkQueueSource {

	List<WorkQueue> queues(CurrentUser user);
}
