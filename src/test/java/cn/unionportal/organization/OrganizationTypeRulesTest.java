package cn.unionportal.organization;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The type rules hold in the domain and in the database, and both say the same.
 */
@Transactional
class OrganizationTypeRulesTest extends PostgresIntegrationTest {

	@Test
	void databaseRulesMatchTheDomain() {
		Set<String> inDatabase = new HashSet<>(jdbc.queryForList(
				"SELECT parent_type || '>' || child_type FROM organization_type_rule", String.class));
		Set<String> inDomain = new HashSet<>();
		for (OrganizationType parent : OrganizationType.values()) {
			parent.allowedChildren().forEach(child -> inDomain.add(parent + ">" + child));
		}
		assertThat(inDatabase).isEqualTo(inDomain);
		assertThat(jdbc.queryForList("SELECT code FROM organization_type", String.class))
			.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(OrganizationType.class).stream().map(Enum::name).toList());
	}

	@Test
	void typesOnlyGoDownSoTheHierarchyCannotLoop() {
		for (OrganizationType parent : OrganizationType.values()) {
			for (OrganizationType child : parent.allowedChildren()) {
				assertThat(child.ordinal()).as(parent + ">" + child).isGreaterThan(parent.ordinal());
			}
		}
	}

	@Test
	void theDatabaseRefusesAForbiddenParentChildPair() {
		long district = demo.org("文登区总工会");
		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO organization (name, type, parent_id, parent_type, status, created_at, updated_at)
				VALUES ('非法分会', 'BRANCH', ?, 'DISTRICT_FEDERATION', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""", district)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDatabaseRefusesAParentTypeThatIsNotTheParentsRealType() {
		long district = demo.org("文登区总工会");
		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO organization (name, type, parent_id, parent_type, status, created_at, updated_at)
				VALUES ('冒充分会', 'BRANCH', ?, 'GRASSROOTS_UNION', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""", district)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDatabaseRefusesAffiliationsOfTheWrongKind() {
		long town = demo.org("大水泊镇工会");
		long chain = demo.org("高新区打印机产业链工会联合会");
		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO organization_affiliation (organization_id, organization_type, federation_id, federation_type, created_at)
				VALUES (?, 'TOWNSHIP_UNION', ?, 'INDUSTRY_CHAIN_FEDERATION', CURRENT_TIMESTAMP)
				""", town, chain)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theClosureTableHoldsEveryAncestor() {
		long branch = demo.org("国学文化分会");
		List<String> ancestors = jdbc.queryForList("""
				SELECT o.name FROM organization_closure c JOIN organization o ON o.id = c.ancestor_id
				WHERE c.descendant_id = ? ORDER BY c.depth DESC
				""", String.class, branch);
		assertThat(ancestors).containsExactly("威海市总工会", "文登区总工会", "大水泊镇工会", "耕读小镇联合工会", "国学文化分会");
	}
}
