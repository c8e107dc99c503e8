package cn.unionportal.shared.replica;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The portal's one {@code DataSource} when a replica is configured: a lazy proxy over the
 * primary pool whose read-only connections (those of {@code @Transactional(readOnly = true)},
 * marked by {@code Connection.setReadOnly(true)} before the first statement) come from the
 * replica pool, unless the replica lags or is away, or the current request must read its own
 * writes ({@link ReadYourWrites}): then from the primary. Owns and closes both pools.
 */
public final class ReplicaRouting extends LazyConnectionDataSourceProxy implements Closeable {

	private final HikariDataSource primary;

	private final HikariDataSource replica;

	private final ReplicaLag lag;

	ReplicaRouting(HikariDataSource primary, HikariDataSource replica) {
		super(primary);
		this.primary = primary;
		this.replica = replica;
		this.lag = new ReplicaLag(primary, replica);
		setReadOnlyDataSource(new AbstractDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				return target().getConnection();
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return target().getConnection(username, password);
			}

			private DataSource target() {
				return lag.usable() && !ReadYourWrites.pinnedToPrimary() ? replica : primary;
			}
		});
	}

	/** The replica's lag check (scheduled by {@link ReplicaConfiguration}). */
	public ReplicaLag lag() {
		return lag;
	}

	HikariDataSource primary() {
		return primary;
	}

	HikariDataSource replica() {
		return replica;
	}

	@Override
	public void close() {
		replica.close();
		primary.close();
	}
}
