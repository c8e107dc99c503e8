package cn.unionportal.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.masking.Masking;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves members written before issue 8 to the new rule (docs/architecture.md, "Personal data"):
 * re-masks {@code id_number_masked} from the decrypted number (last two characters only), keeps
 * the birth year in clear and the birth date encrypted, and rewrites the member lines of the audit
 * trail that carry the old masked number or the birth date. V11 added the columns, V11_2 drops
 * {@code birth_date} and {@code id_last_four}. A Spring bean, so that Flyway gets it (Spring Boot
 * hands every {@code JavaMigration} bean to Flyway) with the data key.
 */
@Component
class V11_1__MemberIdentityAtRest extends BaseJavaMigration {

	private static final int BATCH = 1000;

	/** A masked token: characters and at least three asterisks, as the old masks were. */
	private static final Pattern MASKED = Pattern.compile("[0-9A-Za-z*]*\\*{3,}[0-9A-Za-z*]*");

	private static final Pattern DATE = Pattern.compile("(\\d{4})-\\d{2}-\\d{2}");

	private final PersonalDataCipher cipher;

	V11_1__MemberIdentityAtRest(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		migrateMembers(connection);
		migrateAuditDetails(connection);
	}

	private void migrateMembers(Connection connection) throws SQLException {
		try (PreparedStatement read = connection
			.prepareStatement("SELECT id, id_number_cipher, birth_date FROM member WHERE birth_year IS NULL ORDER BY id");
				PreparedStatement write = connection.prepareStatement(
						"UPDATE member SET id_number_masked = ?, birth_year = ?, birth_date_cipher = ? WHERE id = ?")) {
			read.setFetchSize(BATCH);
			int pending = 0;
			try (ResultSet rs = read.executeQuery()) {
				while (rs.next()) {
					LocalDate birthDate = rs.getDate("birth_date").toLocalDate();
					write.setString(1, Masking.idNumber(cipher.decrypt(rs.getString("id_number_cipher"))));
					write.setInt(2, birthDate.getYear());
					write.setString(3, cipher.encrypt(birthDate.toString()));
					write.setLong(4, rs.getLong("id"));
					write.addBatch();
					if (++pending == BATCH) {
						write.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				write.executeBatch();
			}
		}
	}

	private void migrateAuditDetails(Connection connection) throws SQLException {
		try (PreparedStatement read = connection.prepareStatement("SELECT id, details FROM audit_event"
				+ " WHERE subject_type = 'MEMBER' AND (details LIKE '%idNumber%' OR details LIKE '%birthDate%')");
				PreparedStatement write = connection.prepareStatement("UPDATE audit_event SET details = ? WHERE id = ?")) {
			try (ResultSet rs = read.executeQuery()) {
				while (rs.next()) {
					String before = rs.getString("details");
					String after = auditDetails(before);
					if (!after.equals(before)) {
						write.setString(1, after);
						write.setLong(2, rs.getLong("id"));
						write.addBatch();
					}
				}
			}
			write.executeBatch();
		}
	}

	/**
	 * One audit line in the new form: {@code idNumber=371002********123X} becomes
	 * {@code idNumber=****************3X}, {@code birthDate=1990-01-01} becomes
	 * {@code birthYear=1990}, and likewise in "field: old → new" changes. Other fields (the
	 * masked phone) stay as they are.
	 */
	static String auditDetails(String details) {
		String[] parts = details.split("; ", -1);
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (part.startsWith("idNumber=") || part.startsWith("idNumber: ")) {
				parts[i] = replaceAll(part, MASKED, m -> Masking.idNumber(m.group()));
			}
			else if (part.startsWith("birthDate=") || part.startsWith("birthDate: ")) {
				parts[i] = "birthYear" + replaceAll(part.substring("birthDate".length()), DATE, m -> m.group(1));
			}
		}
		return String.join("; ", parts);
	}

	private static String replaceAll(String text, Pattern pattern, Function<MatchResult, String> with) {
		return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
	}
}
