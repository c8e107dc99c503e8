package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes the rows of {@code aid_policy}. */
@Component
public class AidPolicyStore {

	private final JdbcClient jdbc;

	AidPolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The policy of the year, or of the latest earlier year, or of the earliest year there is. */
	public AidPolicyValues valuesFor(int year) {
		Integer source = jdbc.sql("SELECT MAX(aid_year) FROM aid_policy WHERE aid_year <= :year")
			.param("year", year)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (source == null) {
			source = jdbc.sql("SELECT MIN(aid_year) FROM aid_policy").query(Integer.class).optional().orElse(null);
		}
		if (source == null) {
			return new AidPolicyValues(year, year, Map.of());
		}
		return new AidPolicyValues(year, source, rowsOf(source));
	}

	/** The rows of exactly this year (empty when the year has none). */
	Map<AidPolicyKey, BigDecimal> rowsOf(int year) {
		Map<AidPolicyKey, BigDecimal> values = new EnumMap<>(AidPolicyKey.class);
		jdbc.sql("SELECT rule_key, rule_value FROM aid_policy WHERE aid_year = :year")
			.param("year", year)
			.query((rs, i) -> Map.entry(rs.getString("rule_key"), rs.getBigDecimal("rule_value")))
			.list()
			.forEach(row -> {
				try {
					values.put(AidPolicyKey.valueOf(row.getKey()), row.getValue());
				}
				catch (IllegalArgumentException retiredKey) {
					// a rule this version of the portal no longer knows: ignored
				}
			});
		return values;
	}

	List<Integer> years() {
		return jdbc.sql("SELECT DISTINCT aid_year FROM aid_policy ORDER BY aid_year").query(Integer.class).list();
	}

	void put(int year, AidPolicyKey key, BigDecimal value, String by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE aid_policy SET rule_value = :value, updated_by = :by, updated_at = :at
				WHERE aid_year = :year AND rule_key = :key
				""")
			.param("value", value)
			.param("by", by)
			.param("at", Timestamp.from(now))
			.param("year", year)
			.param("key", key.name())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO aid_policy (aid_year, rule_key, rule_value, updated_by, updated_at)
					VALUES (:year, :key, :value, :by, :at)
					""")
				.param("year", year)
				.param("key", key.name())
				.param("value", value)
				.param("by", by)
				.param("at", Timestamp.from(now))
				.update();
		}
	}
}
