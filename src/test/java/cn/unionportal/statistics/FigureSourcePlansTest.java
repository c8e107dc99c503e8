package cn.unionportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: the figure sources run for the whole federation (a full refresh) and for one union (an
 * incremental one), so they are planned for their bound scope (organization.ScopedPlans), in the
 * one transaction they share; a page's transaction that materializes a year is the one they join.
 */
class FigureSourcePlansTest extends PostgresIntegrationTest {

	@Autowired
	StatisticsRefresh refresh;

	@Autowired
	StatisticsManagement statistics;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void figureSourcesArePlannedForTheirScope() {
		long root = jdbc.queryForObject("SELECT id FROM organization WHERE parent_id IS NULL", Long.class);
		long union = jdbc.queryForObject("SELECT MIN(id) FROM organization WHERE type = 'GRASSROOTS_UNION'", Long.class);
		TransactionTemplate page = new TransactionTemplate(transactions);
		page.setReadOnly(true);
		page.executeWithoutResult(status -> {
			assertThat(planCacheMode()).isEqualTo("auto");
			assertThat(refresh.compute(root, statistics.currentYear()).keys()).isNotEmpty();
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
		});
		page.executeWithoutResult(status -> {
			refresh.compute(union, statistics.currentYear());
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
		});
		assertThat(planCacheMode()).isEqualTo("auto");
	}

	private String planCacheMode() {
		return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
	}
}
