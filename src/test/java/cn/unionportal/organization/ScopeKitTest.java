package cn.unionportal.organization;

import java.util.List;
import java.util.Set;

import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scope kit: {@link Scope} answers containment and 404s in one place, and {@link ScopedQuery}
 * lists rows of the subtree only.
 */
class ScopeKitTest extends PostgresIntegrationTest {

	@Autowired
	Scopes scopes;

	@Autowired
	JdbcClient jdbcClient;

	@Test
	void aDistrictScopeContainsItsSubtreeAndAnswersOtherIdsLikeMissingOnes() {
		long wendeng = demo.org("文登区总工会");
		long dashuibo = demo.org("大水泊镇工会");
		long huancui = demo.org("环翠区总工会");
		Scope scope = scopes.of(new CurrentUser(1, "t", wendeng, Set.of(StaffRole.STAFF)));

		assertThat(scope.contains(dashuibo)).isTrue();
		assertThat(scope.contains(huancui)).isFalse();
		assertThat(scope.narrowTo(null)).isEqualTo(wendeng);
		assertThat(scope.narrowTo(dashuibo)).isEqualTo(dashuibo);
		String outside = assertThatThrownBy(() -> scope.require(huancui)).isInstanceOf(NotFoundException.class)
			.actual()
			.getMessage();
		String missing = assertThatThrownBy(() -> scope.require(987_654_321L)).isInstanceOf(NotFoundException.class)
			.actual()
			.getMessage();
		assertThat(outside.replace(String.valueOf(huancui), "#")).isEqualTo(missing.replace("987654321", "#"));
		assertThat(scope.names(List.of(dashuibo, dashuibo))).containsEntry(dashuibo, "大水泊镇工会").hasSize(1);
	}

	@Test
	void aScopedQueryListsAndCountsOnlyTheSubtree() {
		long wendeng = demo.org("文登区总工会");
		long huancui = demo.org("环翠区总工会");
		List<Long> expected = jdbc.queryForList("""
				SELECT o.id FROM organization o JOIN organization_closure c ON c.descendant_id = o.id
				WHERE c.ancestor_id = ? AND o.type = 'GRASSROOTS_UNION' ORDER BY o.id""", Long.class, wendeng);
		assertThat(expected).isNotEmpty();

		ScopedQuery query = ScopedQuery.from("organization o", "o.id", wendeng).and("o.type = :type", "type", "GRASSROOTS_UNION");
		assertThat(query.count(jdbcClient)).isEqualTo(expected.size());
		assertThat(query.cappedCount(jdbcClient, 2)).isEqualTo(Math.min(2, expected.size()));
		Page<Long> page = query.page(jdbcClient, "o.id", "o.id", PageRequest.of(0, 100), (rs, i) -> rs.getLong(1));
		assertThat(page.getContent()).containsExactlyElementsOf(expected);
		assertThat(page.getContent()).doesNotContain(huancui);
		assertThat(ScopedQuery.from("organization o", "o.id", wendeng).and(false, "o.id = :x", "x", huancui).count(jdbcClient))
			.isGreaterThan(ScopedQuery.from("organization o", "o.id", wendeng).and("o.id = :x", "x", huancui).count(jdbcClient));
	}
}
