package cn.unionportal.shared.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.ChineseNames;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 16.1: fills the pinyin columns that V16 added for the rows that existed before
 * (members, organizations, partner merchants), computed in Java (ICU, pinyin4j) as new rows get them.
 * Spring Boot hands every {@link JavaMigration} bean to Flyway, which runs it between V16 and V16_2.
 * Reads in id order, {@value #CHUNK} rows at a time, and writes in JDBC batches: some minutes for
 * 570,000 members, once.
 */
@Component
class PinyinKeysBackfill implements JavaMigration {

	static final int CHUNK = 2_000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("16.1");
	}

	@Override
	public String getDescription() {
		return "pinyin keys backfill";
	}

	@Override
	public Integer getChecksum() {
		return 1601;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		forEachChunk(connection, "member", chunk -> {
			try (PreparedStatement sort = connection.prepareStatement("UPDATE member SET name_sort = ? WHERE id = ?");
					PreparedStatement keys = connection
						.prepareStatement("INSERT INTO member_pinyin (member_id, pinyin) VALUES (?, ?)")) {
				for (IdName row : chunk) {
					sort.setString(1, ChineseNames.personSortKey(row.name()));
					sort.setLong(2, row.id());
					sort.addBatch();
					for (String key : ChineseNames.pinyinKeys(row.name())) {
						keys.setLong(1, row.id());
						keys.setString(2, key);
						keys.addBatch();
					}
				}
				sort.executeBatch();
				keys.executeBatch();
			}
		});
		forEachChunk(connection, "organization", chunk -> {
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE organization SET name_sort = ?, name_pinyin = ? WHERE id = ?")) {
				for (IdName row : chunk) {
					update.setString(1, ChineseNames.sortKey(row.name()));
					update.setString(2, ChineseNames.pinyinText(row.name()));
					update.setLong(3, row.id());
					update.addBatch();
				}
				update.executeBatch();
			}
		});
		forEachChunk(connection, "partner_merchant", chunk -> {
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE partner_merchant SET name_sort = ? WHERE id = ?")) {
				for (IdName row : chunk) {
					update.setString(1, ChineseNames.sortKey(row.name()));
					update.setLong(2, row.id());
					update.addBatch();
				}
				update.executeBatch();
			}
		});
	}

	private record IdName(long id, String name) {
	}

	private interface ChunkWriter {

		void write(List<IdName> chunk) throws SQLException;

	}

	/** Reads (id, name) of a table by id ranges (no cursor held open while the same rows change). */
	private static void forEachChunk(Connection connection, String table, ChunkWriter writer) throws SQLException {
		String sql = "SELECT id, name FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + CHUNK;
		long after = Long.MIN_VALUE;
		while (true) {
			List<IdName> chunk = new ArrayList<>(CHUNK);
			try (PreparedStatement read = connection.prepareStatement(sql)) {
				read.setLong(1, after);
				try (ResultSet rs = read.executeQuery()) {
					while (rs.next()) {
						chunk.add(new IdName(rs.getLong(1), rs.getString(2)));
					}
				}
			}
			if (chunk.isEmpty()) {
				return;
			}
			writer.write(chunk);
			after = chunk.get(chunk.size() - 1).id();
		}
	}
}
