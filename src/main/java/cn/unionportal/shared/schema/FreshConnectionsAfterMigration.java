package cn.unionportal.shared.schema;

import java.sql.SQLException;

import javax.sql.DataSource;

import cn.unionportal.shared.replica.ReplicaRouting;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates, then has the pool replace the connections it opened meanwhile (issue 13). Hikari fills
 * its pool in the background while Flyway runs, and a PostgreSQL session keeps the role settings it
 * started with: on a new database, connections opened between {@code V3_3} (custom plans for the
 * role) and {@code V36} (which takes that back) would plan every statement afresh for the rest of
 * their life (30 minutes). Idle connections are closed at once, busy ones when they are returned;
 * the next ones start with the settings the migrations left.
 */
@Configuration(proxyBeanMethods = false)
class FreshConnectionsAfterMigration {

	@Bean
	FlywayMigrationStrategy migrateThenRenewConnections(DataSource dataSource) {
		return flyway -> {
			flyway.migrate();
			renew(dataSource);
		};
	}

	static void renew(DataSource dataSource) {
		if (dataSource instanceof ReplicaRouting routing) {
			routing.renewConnections();
			return;
		}
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				if (pool != null) {
					pool.softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the connection pool", ex);
		}
	}
}
