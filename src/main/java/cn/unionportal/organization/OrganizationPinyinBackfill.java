package cn.unionportal.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.schema.PinyinBackfillStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The organization module's part of Flyway migration 16.1: sort keys and pinyin of organizations. */
@Component
@Order(2)
class OrganizationPinyinBackfill implements PinyinBackfillStep {

	@Override
	public void backfill(Connection connection) throws SQLException {
		PinyinBackfillStep.forEachChunk(connection, "organization", chunk -> {
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
	}
}
