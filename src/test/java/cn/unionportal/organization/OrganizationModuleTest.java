package cn.unionportal.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.organization.OrganizationEvents.OrganizationCreated;
import cn.unionportal.organization.OrganizationEvents.OrganizationDissolved;
import cn.unionportal.organization.OrganizationEvents.OrganizationMoved;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.schema.PinyinBackfillStep;
import cn.unionportal.support.ModulePinyinBackfill;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/**
 * The organization module on its own (issue 9: {@code @ApplicationModuleTest}): only its beans, on a
 * private in-memory H2 built by the portal's migrations (which seed the municipal federation), with
 * the audit trail as a mock. The hierarchy is changed and read through the module's public face,
 * and the events other modules listen to are published.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:organization-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.datasource.username=sa", "spring.datasource.password=", "portal.demo.enabled=false",
		"spring.modulith.events.republish-outstanding-events-on-restart=false",
		"management.endpoint.health.validate-group-membership=false" })
class OrganizationModuleTest {

	@TestConfiguration
	static class StandIns {

		/** The pinyin backfill's place in the migrations, for this private database. */
		@Bean
		ModulePinyinBackfill pinyinBackfill(ObjectProvider<PinyinBackfillStep> steps) {
			return new ModulePinyinBackfill(steps);
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		}
	}

	@MockitoBean
	AuditTrail audit;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	OrganizationLifecycle changes;

	private static OrganizationChanges named(String name) {
		return new OrganizationChanges(name, null, LocalDate.of(2001, 1, 1), null);
	}

	@Test
	void theHierarchyChangesWithinScopeAndAnnouncesItself(AssertablePublishedEvents events) {
		long root = organizations.rootId();
		CurrentUser system = CurrentUser.system(root);
		long east = changes.create(system, root, OrganizationType.DISTRICT_FEDERATION, named("模块东区总工会"));
		long west = changes.create(system, root, OrganizationType.DISTRICT_FEDERATION, named("模块西区总工会"));
		long union = changes.create(system, east, OrganizationType.GRASSROOTS_UNION, named("模块测试工会"));
		assertThat(events).contains(OrganizationCreated.class)
			.matching(OrganizationCreated::organizationId, union)
			.matching(OrganizationCreated::parentId, east);

		CurrentUser eastAdmin = new CurrentUser(1, "east-admin", east, Set.of(StaffRole.ORG_ADMIN));
		CurrentUser westAdmin = new CurrentUser(2, "west-admin", west, Set.of(StaffRole.ORG_ADMIN));
		assertThat(organizations.scopeOf(eastAdmin).contains(union)).isTrue();
		assertThat(organizations.scopeOf(westAdmin).contains(union)).isFalse();
		assertThat(organizations.search(eastAdmin, "模块测试", PageRequest.of(0, 10)).getContent())
			.extracting(OrganizationSummary::id)
			.containsExactly(union);
		assertThat(organizations.search(westAdmin, "模块测试", PageRequest.of(0, 10)).getContent()).isEmpty();
		assertThatThrownBy(() -> organizations.get(westAdmin, union)).isInstanceOf(NotFoundException.class);

		long version = organizations.get(system, union).version();
		changes.move(system, union, version, west);
		assertThat(events).contains(OrganizationMoved.class)
			.matching(OrganizationMoved::fromParentId, east)
			.matching(OrganizationMoved::toParentId, west);
		assertThat(organizations.scopeOf(westAdmin).contains(union)).isTrue();
		assertThat(organizations.scopeOf(eastAdmin).contains(union)).isFalse();
		assertThat(organizations.isWithin(east, union)).as("the closure table follows the move").isFalse();
		assertThat(organizations.isWithin(west, union)).isTrue();

		changes.dissolve(system, union, organizations.get(system, union).version(), null);
		assertThat(events).contains(OrganizationDissolved.class).matching(OrganizationDissolved::organizationId, union);
		assertThat(organizations.get(system, union).status()).isEqualTo(OrganizationStatus.DISSOLVED);
		verify(audit, atLeastOnce()).record(eq("system"), eq("ORGANIZATION_MOVED"), eq(OrganizationManagement.SUBJECT),
				eq(union), anyLong(), any());
	}
}
