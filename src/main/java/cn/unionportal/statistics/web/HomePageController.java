package cn.unionportal.statistics.web;

import java.util.Comparator;
import java.util.List;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.statistics.StatisticsManagement;
import cn.unionportal.statistics.WorkQueue;
import cn.unionportal.statistics.WorkQueueSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after signing in (issue 12): for staff, their work queues with counts and links
 * (from every {@link WorkQueueSource}) and a few headline figures of their scope, shown at {@code /}
 * (shared.web.HomeController forwards staff here). The organization tree stays at
 * {@code /organizations}.
 */
@Controller
class HomePageController {

	private final List<WorkQueueSource> queues;

	private final StatisticsManagement statistics;

	HomePageController(List<WorkQueueSource> queues, StatisticsManagement statistics) {
		this.queues = queues;
		this.statistics = statistics;
	}

	@GetMapping("/home")
	String showHome(CurrentUser user, Model model) {
		List<WorkQueue> all = queues.stream()
			.flatMap(source -> source.queues(user).stream())
			.sorted(Comparator.comparingInt(WorkQueue::order))
			.toList();
		model.addAttribute("queues", all);
		model.addAttribute("headlines", statistics.headlines(user));
		model.addAttribute("year", statistics.currentYear());
		return "statistics/home";
	}
}
