package cn.unionportal.competition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 35.1 (issue 15): the pinyin sort keys of the entries that existed before V35,
 * computed as new entries get theirs ({@link EntryNameKeys}). Spring Boot hands every
 * {@link JavaMigration} bean to Flyway.
 */
@Component
class EntryNameKeysBackfill implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("35.1");
	}

	@Override
	public String getDescription() {
		return "competition entry name keys";
	}

	@Override
	public Integer getChecksum() {
		return 3501;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Map<Long, String> keys = new LinkedHashMap<>();
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT e.id, e.team_name,
				    (SELECT MIN(m.name) FROM competition_entry_member m WHERE m.entry_id = e.id) AS member_name
				FROM competition_entry e WHERE e.name_sort_key IS NULL""");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				keys.put(rows.getLong(1), EntryNameKeys.of(rows.getString(2), rows.getString(3)));
			}
		}
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE competition_entry SET name_sort_key = ? WHERE id = ?")) {
			int pending = 0;
			for (Map.Entry<Long, String> key : keys.entrySet()) {
				update.setString(1, key.getValue());
				update.setLong(2, key.getKey());
				update.addBatch();
				if (++pending == 1000) {
					update.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
	}
}
