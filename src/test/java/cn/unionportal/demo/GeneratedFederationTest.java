package cn.unionportal.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.member.CardNumbers;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator against real PostgreSQL, in a schema of its own (a fresh federation without the
 * demo data, emptied before each test): counts by type, closure rows, type rules, valid ID numbers
 * and cards, and the same seed giving the same names, ID numbers and card numbers.
 */
@SpringBootTest
class GeneratedFederationTest {

	static final String SCHEMA = "generator_test";

	static final FederationSize SMALL = new FederationSize(3, 8, 4, 2, 60, 5, 2_000);

	@Autowired
	SyntheticFederation federation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		PostgresIntegrationTest.registerOwnSchema(registry, SCHEMA);
		registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/vendor/{vendor}");
	}

	@BeforeEach
	void emptyFederation() {
		jdbc.execute("TRUNCATE member, member_pinyin, member_pinyin_prefix CASCADE");
		jdbc.execute("DELETE FROM organization_affiliation");
		jdbc.execute("DELETE FROM organization_closure WHERE ancestor_id <> descendant_id OR descendant_id IN "
				+ "(SELECT id FROM organization WHERE parent_id IS NOT NULL)");
		jdbc.execute("DELETE FROM organization WHERE parent_id IS NOT NULL");
		jdbc.execute("ALTER SEQUENCE member_card_seq RESTART WITH 1");
	}

	@Test
	void generatesTheRequestedFederationWithCompleteClosureRows() {
		SyntheticFederation.Report report = federation.generate(SMALL, 42);

		Map<String, Integer> byType = new HashMap<>();
		jdbc.query("SELECT type, COUNT(*) FROM organization WHERE parent_id IS NOT NULL GROUP BY type",
				rs -> {
					byType.put(rs.getString(1), rs.getInt(2));
				});
		assertThat(byType).containsEntry("DISTRICT_FEDERATION", 3)
			.containsEntry("TOWNSHIP_UNION", 8)
			.containsEntry("REGIONAL_FEDERATION", 2)
			.containsEntry("INDUSTRY_FEDERATION", 2)
			.containsEntry("INDUSTRY_CHAIN_FEDERATION", 2)
			.containsEntry("GRASSROOTS_UNION", 60)
			.containsEntry("BRANCH", 5);
		assertThat(report.members()).isEqualTo(2_000);
		// employees: recorded at every grassroots union with members, its members 80-95% of them
		jdbc.query("""
				SELECT o.type, o.employees, COUNT(m.id) FROM organization o LEFT JOIN member m ON m.organization_id = o.id
				WHERE o.parent_id IS NOT NULL GROUP BY o.id, o.type, o.employees""", rs -> {
			boolean union = rs.getString(1).equals("GRASSROOTS_UNION") && rs.getLong(3) > 0;
			assertThat(rs.getObject(2) != null).isEqualTo(union);
			if (union) {
				assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(rs.getInt(3));
			}
		});
		double rate = jdbc.queryForObject("""
				SELECT CAST(COUNT(m.id) AS DOUBLE PRECISION) / (SELECT SUM(employees) FROM organization)
				FROM member m JOIN organization o ON o.id = m.organization_id WHERE o.employees IS NOT NULL""", Double.class);
		assertThat(rate).isBetween(0.80, 0.95);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization_affiliation", Integer.class))
			.isEqualTo(report.affiliations());

		// closure: every organization has exactly itself and each of its ancestors, at the right depth
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, OrganizationType> types = new HashMap<>();
		jdbc.query("SELECT id, parent_id, type FROM organization", rs -> {
			parents.put(rs.getLong(1), (Long) rs.getObject(2));
			types.put(rs.getLong(1), OrganizationType.valueOf(rs.getString(3)));
		});
		Set<List<Long>> expected = new HashSet<>();
		for (Long id : parents.keySet()) {
			long depth = 0;
			for (Long at = id; at != null; at = parents.get(at)) {
				expected.add(List.of(at, id, depth++));
			}
			Long parent = parents.get(id);
			if (parent != null) {
				assertThat(types.get(parent).mayContain(types.get(id))).isTrue();
			}
		}
		Set<List<Long>> closure = new HashSet<>(jdbc.query(
				"SELECT ancestor_id, descendant_id, depth FROM organization_closure",
				(rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
		assertThat(closure).isEqualTo(expected);

		// members: valid cards, valid and distinct ID numbers, only in member homes
		List<String> ids = new ArrayList<>();
		jdbc.query("SELECT m.id_number_cipher, m.card_number, o.type FROM member m JOIN organization o"
				+ " ON o.id = m.organization_id", rs -> {
					ids.add(cipher.decrypt(rs.getString(1)));
					assertThat(CardNumbers.isValid(rs.getString(2))).isTrue();
					assertThat(OrganizationType.valueOf(rs.getString(3)).isMemberHome()).isTrue();
				});
		assertThat(ids).hasSize(2_000).doesNotHaveDuplicates();
		ids.forEach(ResidentIdNumber::parse);

		// a second run needs a fresh database
		assertThatThrownBy(() -> federation.generate(SMALL, 42)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theSameSeedGivesTheSameFederationOnAFreshDatabase() {
		federation.generate(SMALL, 7);
		List<String> first = snapshot();
		emptyFederation();
		federation.generate(SMALL, 7);
		assertThat(snapshot()).isEqualTo(first);
		emptyFederation();
		federation.generate(SMALL, 8);
		assertThat(snapshot()).isNotEqualTo(first);
	}

	private List<String> snapshot() {
		List<String> rows = new ArrayList<>(jdbc.query("SELECT id, name, type, parent_id, credit_code FROM organization"
				+ " ORDER BY id", (rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
						+ rs.getObject(4) + " " + rs.getString(5)));
		rows.addAll(jdbc.query("SELECT name, id_number_cipher, phone_cipher, card_number, organization_id, join_date,"
				+ " employment_type FROM member ORDER BY card_number", (rs, i) -> String.join(" ", rs.getString(1),
						cipher.decrypt(rs.getString(2)), cipher.decrypt(rs.getString(3)), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7))));
		return rows;
	}
}
