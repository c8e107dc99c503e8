package cn.unionportal.shared.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the replica keeps up. Every check (each {@code portal.replica.max-lag}) reads the
 * primary's current WAL position and the replica's replay position: the replica is usable while it
 * has replayed at least what the primary had written at the previous check, i.e. it lags by less
 * than one interval, and it is in recovery (a standby, not a promoted or wrong server). Otherwise,
 * or when either cannot be reached, read-only work goes to the primary until a check passes.
 */
public final class ReplicaLag {

	private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

	private final DataSource primary;

	private final DataSource replica;

	private volatile String previousPrimaryLsn;

	private volatile boolean usable;

	ReplicaLag(DataSource primary, DataSource replica) {
		this.primary = primary;
		this.replica = replica;
	}

	public boolean usable() {
		return usable;
	}

	/** One check; see the class comment. */
	public void check() {
		boolean now;
		String primaryLsn = null;
		try (Connection p = primary.getConnection(); Connection r = replica.getConnection()) {
			primaryLsn = single(p, "SELECT pg_current_wal_lsn()::text");
			String replayed;
			try (Statement s = r.createStatement();
					ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
				rs.next();
				if (!rs.getBoolean(1)) {
					throw new SQLException("the replica is not in recovery: not a standby");
				}
				replayed = rs.getString(2);
			}
			String mark = previousPrimaryLsn == null ? primaryLsn : previousPrimaryLsn;
			try (PreparedStatement behind = p.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn) <= 0")) {
				behind.setString(1, mark);
				behind.setString(2, replayed);
				try (ResultSet rs = behind.executeQuery()) {
					rs.next();
					now = rs.getBoolean(1);
				}
			}
		}
		catch (SQLException | RuntimeException unreachable) {
			if (usable) {
				log.warn("read replica not usable, reading from the primary: {}", unreachable.getMessage());
			}
			now = false;
		}
		if (now != usable) {
			log.info("read replica {}", now ? "in use for read-only work" : "lags: read-only work goes to the primary");
		}
		usable = now;
		if (primaryLsn != null) {
			previousPrimaryLsn = primaryLsn;
		}
	}

	private static String single(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
