package cn.unionportal.shared.replica;

import java.time.Clock;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.TaskScheduler;

/**
 * Issue 14 item 3, only when {@code portal.replica.url} is set (PostgreSQL streaming replica):
 * the primary pool from {@code spring.datasource.*}, a smaller read-only pool on the replica, and
 * {@link ReplicaRouting} as the one {@code DataSource} (Flyway, JPA and JDBC all use it; writes and
 * read-write transactions never reach the replica). {@link ReplicaLag} is checked every
 * {@code portal.replica.max-lag} (default 5 s); {@link ReadYourWrites} keeps a session on the
 * primary for {@code portal.replica.stick} (default 15 s) after it wrote.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${portal.replica.url:}'.isBlank()")
class ReplicaConfiguration {

	@Bean
	@Primary
	ReplicaRouting dataSource(DataSourceProperties properties, @Value("${portal.replica.url}") String replicaUrl,
			@Value("${portal.replica.username:}") String replicaUser, @Value("${portal.replica.password:}") String replicaPassword,
			@Value("${portal.replica.pool-size:6}") int replicaPoolSize,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int primaryPoolSize) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		primary.setPoolName("primary");
		primary.setMaximumPoolSize(primaryPoolSize);
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("replica");
		replica.setJdbcUrl(replicaUrl);
		replica.setUsername(replicaUser.isBlank() ? properties.determineUsername() : replicaUser);
		replica.setPassword(replicaUser.isBlank() ? properties.determinePassword() : replicaPassword);
		replica.setReadOnly(true);
		replica.setMaximumPoolSize(replicaPoolSize);
		replica.setInitializationFailTimeout(-1); // a replica that is away must not stop the portal
		return new ReplicaRouting(primary, replica);
	}

	@Bean
	java.util.concurrent.ScheduledFuture<?> replicaLagSchedule(ReplicaRouting routing, TaskScheduler scheduler,
			Clock clock, @Value("${portal.replica.max-lag:5s}") Duration maxLag) {
		routing.lag().check();
		return scheduler.scheduleWithFixedDelay(routing.lag()::check, clock.instant().plus(maxLag), maxLag);
	}

	@Bean
	FilterRegistrationBean<ReadYourWrites> readYourWrites(@Value("${portal.replica.stick:15s}") Duration stick,
			Clock clock) {
		FilterRegistrationBean<ReadYourWrites> registration = new FilterRegistrationBean<>(new ReadYourWrites(stick, clock));
		// after Spring Session's filter (its session is the one read), before Spring Security's
		registration.setOrder(-200);
		return registration;
	}
}
