package cn.unionportal.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberBatchWriter;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.CreditCode;
import cn.unionportal.organization.OrganizationType;
import org.junit.jupiter.api.Test;

import static cn.unionportal.organization.OrganizationType.BRANCH;
import static cn.unionportal.organization.OrganizationType.DISTRICT_FEDERATION;
import static cn.unionportal.organization.OrganizationType.GRASSROOTS_UNION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_CHAIN_FEDERATION;
import static cn.unionportal.organization.OrganizationType.INDUSTRY_FEDERATION;
import static cn.unionportal.organization.OrganizationType.REGIONAL_FEDERATION;
import static cn.unionportal.organization.OrganizationType.TOWNSHIP_UNION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's plan, in memory: deterministic, the requested counts, allowed parent types,
 * valid credit codes, uneven member sizes; and its people: valid unique ID numbers, about one
 * migrant worker in six.
 */
class FederationPlannerTest {

	static final FederationSize SMALL = new FederationSize(3, 9, 4, 2, 120, 6, 4_000);

	@Test
	void theSameSeedGivesTheSamePlanAndPeople() {
		assertThat(FederationPlanner.plan(SMALL, 42).organizations())
			.isEqualTo(FederationPlanner.plan(SMALL, 42).organizations());
		assertThat(FederationPlanner.plan(SMALL, 42).members()).isEqualTo(FederationPlanner.plan(SMALL, 42).members());
		assertThat(FederationPlanner.plan(SMALL, 42).affiliations())
			.isEqualTo(FederationPlanner.plan(SMALL, 42).affiliations());
		assertThat(people(7, 500)).isEqualTo(people(7, 500));
		assertThat(FederationPlanner.plan(SMALL, 43).organizations())
			.isNotEqualTo(FederationPlanner.plan(SMALL, 42).organizations());
		assertThat(people(8, 500)).isNotEqualTo(people(7, 500));
	}

	@Test
	void countsByTypeAreTheRequestedOnes() {
		FederationPlan plan = FederationPlanner.plan(SMALL, 1);
		assertThat(plan.countsByType()).isEqualTo(Map.of(DISTRICT_FEDERATION, 3, TOWNSHIP_UNION, 9,
				REGIONAL_FEDERATION, 2, INDUSTRY_FEDERATION, 2, INDUSTRY_CHAIN_FEDERATION, 2, GRASSROOTS_UNION, 120,
				BRANCH, 6));
		assertThat(plan.totalMembers()).isEqualTo(4_000);
	}

	@Test
	void theWeihaiScaleHasTheSeedsNumbers() {
		FederationPlan plan = FederationPlanner.plan(Scale.WEIHAI.size(), GenerateCommand.DEFAULT_SEED);
		Map<OrganizationType, Integer> counts = plan.countsByType();
		assertThat(counts.get(DISTRICT_FEDERATION)).isEqualTo(8);
		assertThat(counts.get(TOWNSHIP_UNION)).isEqualTo(72);
		assertThat(counts.get(REGIONAL_FEDERATION) + counts.get(INDUSTRY_FEDERATION)).isEqualTo(32);
		assertThat(counts.get(INDUSTRY_CHAIN_FEDERATION)).isEqualTo(10);
		assertThat(counts.get(GRASSROOTS_UNION)).isEqualTo(4_747);
		assertThat(plan.totalMembers()).isEqualTo(570_000);
		assertThat(plan.organizations().stream().filter(o -> o.type() == DISTRICT_FEDERATION).map(PlannedOrganization::name))
			.contains("环翠区总工会", "文登区总工会", "荣成市总工会", "乳山市总工会", "威海火炬高技术产业开发区总工会",
					"威海经济技术开发区总工会", "威海临港经济技术开发区总工会");
		// a few big employers of 3,000 and more, most unions far smaller
		int[] members = plan.members();
		long big = plan.organizations().stream().filter(o -> members[o.index()] >= 3_000).count();
		assertThat(big).isBetween(5L, 30L);
		List<Integer> unionSizes = plan.organizations().stream()
			.filter(o -> o.type() == GRASSROOTS_UNION)
			.map(o -> members[o.index()])
			.sorted()
			.toList();
		assertThat(unionSizes.get(unionSizes.size() / 2)).isBetween(30, 120);
		assertThat(plan.affiliations().size()).isBetween(380, 570);
	}

	@Test
	void everyOrganizationSitsUnderAnAllowedParentWithADistinctName() {
		FederationPlan plan = FederationPlanner.plan(SMALL, 3);
		Set<String> names = new HashSet<>();
		for (PlannedOrganization organization : plan.organizations()) {
			OrganizationType parentType = organization.parent() == PlannedOrganization.ROOT
					? OrganizationType.MUNICIPAL_FEDERATION : plan.organizations().get(organization.parent()).type();
			assertThat(organization.parent()).isLessThan(organization.index());
			assertThat(parentType.mayContain(organization.type())).as(organization.toString()).isTrue();
			// branch names repeat across parents; every other name is unique in the plan
			String key = organization.type() == BRANCH ? organization.parent() + "/" + organization.name()
					: organization.name();
			assertThat(names.add(key)).as(key).isTrue();
			assertThat(organization.name().length()).isLessThanOrEqualTo(100);
			if (organization.type() == GRASSROOTS_UNION) {
				assertThat(CreditCode.isValid(organization.creditCode())).as(organization.creditCode()).isTrue();
			}
			else {
				assertThat(organization.creditCode()).isNull();
			}
			if (plan.members()[organization.index()] > 0) {
				assertThat(organization.type().isMemberHome()).isTrue();
			}
		}
		for (FederationPlan.Affiliation affiliation : plan.affiliations()) {
			assertThat(plan.organizations().get(affiliation.union()).type()).isEqualTo(GRASSROOTS_UNION);
			assertThat(plan.organizations().get(affiliation.federation()).type().isAffiliationTarget()).isTrue();
		}
	}

	@Test
	void membersHaveValidUniqueIdNumbersAndAboutOneInSixIsAMigrantWorker() {
		List<MemberBatchWriter.Row> rows = people(11, Scale.DEMO.size().members());
		Set<String> ids = new HashSet<>();
		long migrants = 0;
		for (MemberBatchWriter.Row row : rows) {
			ResidentIdNumber id = ResidentIdNumber.parse(row.idNumber());
			assertThat(id.birthDate()).isEqualTo(row.birthDate());
			assertThat(id.gender()).isEqualTo(row.gender());
			assertThat(ids.add(row.idNumber())).isTrue();
			assertThat(row.joinDate()).isBetween(SyntheticMembers.FIRST_JOIN, SyntheticMembers.LAST_JOIN)
				.isAfterOrEqualTo(row.birthDate().plusYears(18));
			assertThat(row.phone()).matches("1[3-9]\\d{9}");
			if (row.employmentType() == EmploymentType.MIGRANT_WORKER) {
				migrants++;
			}
		}
		assertThat(migrants / (double) rows.size()).isBetween(1 / 6.0 - 0.025, 1 / 6.0 + 0.025);
	}

	@Test
	void membersAreSpreadExactlyAndUnevenly() {
		int[] counts = MemberAllocation.spread(MemberAllocation.powerLaw(100, new SplittableRandom(5)), 10_000);
		int sum = 0;
		int max = 0;
		for (int count : counts) {
			sum += count;
			max = Math.max(max, count);
		}
		assertThat(sum).isEqualTo(10_000);
		assertThat(max).isGreaterThan(10 * 10_000 / 100 / 2);
	}

	private static List<MemberBatchWriter.Row> people(long seed, int count) {
		SyntheticMembers members = new SyntheticMembers(seed);
		List<MemberBatchWriter.Row> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			rows.add(members.next(1));
		}
		return rows;
	}
}
