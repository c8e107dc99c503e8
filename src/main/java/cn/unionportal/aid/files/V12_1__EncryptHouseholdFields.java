package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import cn.unionportal.shared.crypto.PersonalDataCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Encrypts what V6 stored in clear on hardship files: monthly and per-capita income, the situation
 * and the home-visit notes go into the cipher columns added by V12, and whether the per-capita
 * income was below the file's threshold is kept clear for statistics. The timeline entries that
 * copied the situation (application) or the notes (approved home visit) lose that copy. V12_2 then
 * drops the clear columns. A Spring bean, so that Flyway runs it with the personal data key; it
 * works on PostgreSQL and H2 alike.
 */
@Component
public class V12_1__EncryptHouseholdFields extends BaseJavaMigration {

	private static final String SEPARATOR = " · ";

	private final PersonalDataCipher cipher;

	V12_1__EncryptHouseholdFields(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("""
						SELECT id, monthly_income, per_capita_income, threshold_amount, situation, visit_notes
						FROM hardship_file ORDER BY id""");
				PreparedStatement update = connection.prepareStatement("""
						UPDATE hardship_file SET monthly_income_cipher = ?, per_capita_income_cipher = ?,
						    below_threshold = ?, situation_cipher = ?, visit_notes_cipher = ?
						WHERE id = ?""")) {
			while (rows.next()) {
				BigDecimal perCapita = rows.getBigDecimal("per_capita_income");
				BigDecimal threshold = rows.getBigDecimal("threshold_amount");
				update.setString(1, encrypt(rows.getBigDecimal("monthly_income")));
				update.setString(2, encrypt(perCapita));
				if (threshold == null || perCapita == null) {
					update.setNull(3, Types.BOOLEAN);
				}
				else {
					update.setBoolean(3, perCapita.compareTo(threshold) < 0);
				}
				update.setString(4, cipher.encrypt(rows.getString("situation")));
				update.setString(5, cipher.encrypt(rows.getString("visit_notes")));
				update.setLong(6, rows.getLong("id"));
				update.addBatch();
			}
			update.executeBatch();
		}
		try (Statement applied = connection.createStatement()) {
			applied.executeUpdate("""
					UPDATE hardship_file_event SET comment = NULL
					WHERE step = 'APPLIED' AND comment IN
					    (SELECT f.situation FROM hardship_file f WHERE f.id = hardship_file_event.file_id)""");
		}
		try (Statement select = connection.createStatement();
				ResultSet visits = select.executeQuery("""
						SELECT e.id, e.comment, f.visit_notes FROM hardship_file_event e
						JOIN hardship_file f ON f.id = e.file_id
						WHERE e.step = 'HOME_VISIT' AND e.outcome = 'APPROVED' AND f.visit_notes IS NOT NULL""");
				PreparedStatement update = connection
					.prepareStatement("UPDATE hardship_file_event SET comment = ? WHERE id = ?")) {
			while (visits.next()) {
				String comment = visits.getString("comment");
				String notes = SEPARATOR + visits.getString("visit_notes");
				if (comment != null && comment.endsWith(notes)) {
					update.setString(1, comment.substring(0, comment.length() - notes.length()));
					update.setLong(2, visits.getLong("id"));
					update.addBatch();
				}
			}
			update.executeBatch();
		}
	}

	private String encrypt(BigDecimal amount) {
		return amount == null ? null : cipher.encrypt(amount.toPlainString());
	}
}
