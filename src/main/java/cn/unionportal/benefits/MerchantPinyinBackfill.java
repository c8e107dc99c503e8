package cn.unionportal.benefits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.schema.PinyinBackfillStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The benefits module's part of Flyway migration 16.1: sort keys of partner merchants. */
@Component
@Order(3)
class MerchantPinyinBackfill implements PinyinBackfillStep {

	@Override
	public void backfill(Connection connection) throws SQLException {
		PinyinBackfillStep.forEachChunk(connection, "partner_merchant", chunk -> {
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
}
