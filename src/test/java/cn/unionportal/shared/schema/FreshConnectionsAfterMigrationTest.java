package cn.unionportal.shared.schema;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import cn.unionportal.support.PostgresIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Issue 13: a pooled session keeps the role settings it started with, so connections opened while
 * the migrations ran (between V3_3's custom plans for the role and V36, which takes them back) would
 * keep planning every statement afresh. After migrating, the pool replaces its connections.
 */
class FreshConnectionsAfterMigrationTest extends PostgresIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	FlywayMigrationStrategy migration;

	@Autowired
	Flyway flyway;

	@Test
	void connectionsOpenedUnderAnOldRoleSettingAreReplaced() {
		String role = "ALTER ROLE CURRENT_USER IN DATABASE " + jdbc.queryForObject("SELECT current_database()", String.class);
		try {
			// a pool whose connections started under V3_3's setting, as on a new database mid-migration
			jdbc.execute(role + " SET plan_cache_mode = force_custom_plan");
			FreshConnectionsAfterMigration.renew(dataSource);
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
			// V36 takes it back for new sessions only; the ones in the pool keep it until they are replaced
			jdbc.execute(role + " RESET plan_cache_mode");
			assertThat(planCacheMode()).isEqualTo("force_custom_plan");
			// the strategy Spring Boot's Flyway initializer runs at start-up: migrate (nothing pending), then renew
			migration.migrate(flyway);
			assertThat(planCacheMode()).isEqualTo("auto");
		}
		finally {
			jdbc.execute(role + " RESET plan_cache_mode");
			FreshConnectionsAfterMigration.renew(dataSource);
		}
	}

	private String planCacheMode() {
		return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
	}
}
