package cn.unionportal.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: statements use PostgreSQL's cached plans except where the plan depends on the scope's
 * size. V36 takes back V3_3's role-wide custom plans; {@link ScopedPlans} asks for them per
 * transaction, and the member search does so; the children of an organization are read with a
 * scope check that does not depend on the plan.
 */
class ScopedPlansTest extends PostgresIntegrationTest {

	@Autowired
	ScopedPlans plans;

	@Autowired
	MemberManagement members;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void connectionsUseCachedPlansAndATransactionMayAskForCustomOnesUntilItEnds() {
		assertThat(planCacheMode()).isEqualTo("auto");
		inTransaction(() -> {
			assertThat(planCacheMode()).isEqualTo("auto");
			plans.forThisTransaction();
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
		});
		inTransaction(() -> assertThat(planCacheMode()).isEqualTo("auto"));
		assertThatThrownBy(plans::forThisTransaction).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theMemberSearchIsPlannedForItsScope() {
		CurrentUser federation = CurrentUser.system(organizations.rootId());
		inTransaction(() -> {
			assertThat(members.search(federation, new MemberQuery("王", null, null, null, null), PageRequest.of(0, 20))
				.getContent()).allSatisfy(member -> assertThat(member.name()).startsWith("王"));
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
		});
	}

	@Test
	void childrenAreReadForAParentInTheScopeOnly() {
		long district = demo.org("环翠区总工会");
		CurrentUser districtUser = CurrentUser.system(district);
		var children = organizations.children(districtUser, district, PageRequest.of(0, 500)).getContent();
		assertThat(children).extracting(OrganizationSummary::id)
			.containsExactlyInAnyOrderElementsOf(
					jdbc.queryForList("SELECT id FROM organization WHERE parent_id = ?", Long.class, district));
		assertThatThrownBy(() -> organizations.children(districtUser, organizations.rootId(), PageRequest.of(0, 20)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> organizations.children(districtUser, demo.org("文登区总工会"), PageRequest.of(0, 20)))
			.isInstanceOf(NotFoundException.class);
	}

	private void inTransaction(Runnable work) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		template.executeWithoutResult(status -> work.run());
	}

	private String planCacheMode() {
		return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
	}
}
