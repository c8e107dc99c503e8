package cn.unionportal.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.schema.PinyinBackfillStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The member module's part of Flyway migration 16.1: sort keys and pinyin keys of members. */
@Component
@Order(1)
class MemberPinyinBackfill implements PinyinBackfillStep {

	@Override
	public void backfill(Connection connection) throws SQLException {
		PinyinBackfillStep.forEachChunk(connection, "member", chunk -> {
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
	}
}
