package cn.unionportal.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The two cheap reads of issue 13: a page of children with their active-child counts (the count
 * reads the (parent_id, status) index only) and the active districts by name only (the district
 * filter of the member and public pages), both checked against plain SQL on the demo tree.
 */
class OrganizationChildrenTest extends PostgresIntegrationTest {

	@Autowired
	OrganizationManagement organizations;

	@Test
	void childrenCarryTheirActiveChildCounts() {
		long root = organizations.rootId();
		List<OrganizationSummary> children = organizations.children(CurrentUser.system(root), root, PageRequest.of(0, 50))
			.getContent();
		assertThat(children).isNotEmpty();
		assertThat(children).anySatisfy(child -> assertThat(child.activeChildren()).isPositive());
		for (OrganizationSummary child : children) {
			long expected = jdbc.queryForObject(
					"SELECT COUNT(*) FROM organization WHERE parent_id = ? AND status = 'ACTIVE'", Long.class, child.id());
			assertThat(child.activeChildren()).as(child.name()).isEqualTo(expected);
		}
	}

	@Test
	void activeDistrictsAreTheRootsActiveDistrictFederationsInPinyinOrder() {
		Map<Long, String> districts = organizations.activeDistricts();
		List<String> expected = jdbc.queryForList("""
				SELECT name FROM organization WHERE parent_id = ? AND type = 'DISTRICT_FEDERATION' AND status = 'ACTIVE'
				ORDER BY name_sort, id""", String.class, organizations.rootId());
		assertThat(districts.values()).containsExactlyElementsOf(expected);
		assertThat(districts.values()).contains("环翠区总工会", "文登区总工会").doesNotContain("威海市总工会");
		districts.forEach((id, name) -> assertThat(organizations.namesOf(List.of(id))).containsEntry(id, name));
	}
}
