package cn.unionportal.shared.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One module's part of Flyway migration 16.1 ({@link PinyinKeysBackfill}): fills the pinyin columns
 * of the module's own tables for the rows written before V16. Implementations are Spring beans of
 * the owning module and run inside the migration's transaction.
 */
public interface PinyinBackfillStep {

	/** Rows read per chunk. */
	int CHUNK = 2_000;

	void backfill(Connection connection) throws SQLException;

	/** One row's id and name. */
	record IdName(long id, String name) {
	}

	/** Writes one chunk of rows. */
	interface ChunkWriter {

		void write(List<IdName> chunk) throws SQLException;

	}

	/**
	 * Reads (id, name) of one of the caller's own tables by id ranges, {@value #CHUNK} rows at a time
	 * (no cursor held open while the same rows change), and hands each chunk to the writer.
	 */
	static void forEachChunk(Connection connection, String table, ChunkWriter writer) throws SQLException {
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
