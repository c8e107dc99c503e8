package cn.unionportal.member;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.ChineseNames;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many members at once (Excel import, data generator): the same columns and protection
 * (encryption, lookup hash, masking) as a member registered through the form, with their pinyin
 * keys. On PostgreSQL the rows go in with {@code COPY … FROM STDIN} through pgjdbc's
 * {@link CopyManager} (ids and card numbers drawn from their sequences first, so the pinyin rows
 * need no look-up); on the embedded H2 default with JDBC batches. Callers have validated the rows
 * and checked them for duplicates; a duplicate that slips through (a concurrent registration)
 * fails the whole batch, which the caller's transaction rolls back.
 */
@Component
public class MemberBatchWriter {

	/** A validated member for a batch. {@code idNumber} and {@code phone} are normalized. */
	public record Row(String name, Gender gender, DocumentType documentType, String idNumber, LocalDate birthDate,
			String phone, EmploymentType employmentType, long organizationId, LocalDate joinDate) {
	}

	private static final String MEMBER_COLUMNS = "name, name_sort, gender, document_type, id_number_cipher,"
			+ " id_number_hash, id_number_masked, birth_year, birth_date_cipher, phone_cipher, phone_hash, phone_masked,"
			+ " employment_type, organization_id, join_date, status, active_id_hash, card_number, version, created_at,"
			+ " updated_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final PersonalData personalData;

	private final Clock clock;

	MemberBatchWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** The lookup hash of an ID number, to check rows against the registry before writing. */
	public String idHash(String normalizedIdNumber) {
		return personalData.lookupHash(normalizedIdNumber);
	}

	/**
	 * On PostgreSQL, lets the current transaction commit without waiting for its WAL to reach the
	 * disk ({@code SET LOCAL synchronous_commit = off}): for the import's batches, whose end is
	 * recorded by a synchronous commit that flushes their WAL too. A crash may lose the last
	 * batches committed this way, together with their progress counts (same transactions), never
	 * half a batch. Elsewhere nothing changes.
	 */
	@Transactional
	public void commitAsynchronously() {
		jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
			if (connection.isWrapperFor(PGConnection.class)) {
				try (var statement = connection.createStatement()) {
					statement.execute("SET LOCAL synchronous_commit = off");
				}
			}
			return null;
		});
	}

	/** Inserts the rows as active members with fresh card numbers; returns their card numbers. */
	@Transactional
	public List<String> insert(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return jdbcTemplate.execute((ConnectionCallback<List<String>>) connection -> {
			if (connection.isWrapperFor(PGConnection.class)) {
				return copy(connection.unwrap(PGConnection.class).getCopyAPI(), rows);
			}
			return batch(rows);
		});
	}

	/**
	 * PostgreSQL: ids and card numbers from the sequences, then the members in one COPY and their
	 * pinyin rows ({@link #copyPinyin}). Each COPY is streamed in small chunks ({@link CopyStream}),
	 * so a batch never builds one large text (which G1 would allocate as humongous objects).
	 */
	private List<String> copy(CopyManager copy, List<Row> rows) throws SQLException {
		List<long[]> numbers = jdbc
			.sql("SELECT nextval(pg_get_serial_sequence('member', 'id')), nextval('member_card_seq')"
					+ " FROM generate_series(1, :n)")
			.param("n", rows.size())
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		String now = Instant.now(clock).toString();
		int issueYear = LocalDate.now(clock).getYear();
		long[] ids = new long[rows.size()];
		String[] sorts = new String[rows.size()];
		List<String> cards = new ArrayList<>(rows.size());
		try (CopyStream members = new CopyStream(copy, "member (id, " + MEMBER_COLUMNS + ")")) {
			for (int i = 0; i < rows.size(); i++) {
				Row row = rows.get(i);
				ids[i] = numbers.get(i)[0];
				String card = CardNumbers.format(issueYear, numbers.get(i)[1]);
				cards.add(card);
				ProtectedValue idNumber = personalData.protectIdNumber(row.idNumber());
				ProtectedValue phone = personalData.protectPhone(row.phone());
				sorts[i] = ChineseNames.personSortKey(row.name());
				members.row(ids[i], row.name(), sorts[i], row.gender().name(), row.documentType().name(),
						idNumber.cipher(), idNumber.hash(), idNumber.masked(), row.birthDate().getYear(),
						personalData.protectBirthDate(row.birthDate()).cipher(), phone == null ? null : phone.cipher(),
						phone == null ? null : phone.hash(), phone == null ? null : phone.masked(),
						row.employmentType().name(), row.organizationId(), row.joinDate(), "ACTIVE", idNumber.hash(),
						card, 0, now, now);
			}
		}
		copyPinyin(copy, rows, ids, sorts);
		return cards;
	}

	/** PostgreSQL: the pinyin keys and prefixes of the members just copied (two COPYs). */
	private static void copyPinyin(CopyManager copy, List<Row> rows, long[] ids, String[] sorts) throws SQLException {
		List<List<String>> keys = new ArrayList<>(rows.size());
		try (CopyStream pinyin = new CopyStream(copy, "member_pinyin (member_id, pinyin)")) {
			for (int i = 0; i < rows.size(); i++) {
				List<String> own = ChineseNames.pinyinKeys(rows.get(i).name());
				keys.add(own);
				for (String key : own) {
					pinyin.row(ids[i], key);
				}
			}
		}
		try (CopyStream prefixes = new CopyStream(copy,
				"member_pinyin_prefix (member_id, prefix, name_sort, organization_id)")) {
			for (int i = 0; i < rows.size(); i++) {
				for (String prefix : MemberPinyinKeys.prefixes(keys.get(i))) {
					prefixes.row(ids[i], prefix, sorts[i], rows.get(i).organizationId());
				}
			}
		}
	}

	/** Other databases (the embedded H2 default): JDBC batches. */
	private List<String> batch(List<Row> rows) {
		List<Long> sequences = jdbc.sql("SELECT nextval('member_card_seq') FROM generate_series(1, :n)")
			.param("n", rows.size())
			.query(Long.class)
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		int issueYear = LocalDate.now(clock).getYear();
		List<Object[]> batch = new ArrayList<>(rows.size());
		List<String> cards = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			ProtectedValue id = personalData.protectIdNumber(row.idNumber());
			ProtectedValue phone = personalData.protectPhone(row.phone());
			String card = CardNumbers.format(issueYear, sequences.get(i));
			cards.add(card);
			batch.add(new Object[] { row.name(), ChineseNames.personSortKey(row.name()), row.gender().name(),
					row.documentType().name(), id.cipher(), id.hash(), id.masked(), row.birthDate().getYear(),
					personalData.protectBirthDate(row.birthDate()).cipher(), phone == null ? null : phone.cipher(),
					phone == null ? null : phone.hash(), phone == null ? null : phone.masked(),
					row.employmentType().name(), row.organizationId(), Date.valueOf(row.joinDate()), "ACTIVE", id.hash(),
					card, 0, now, now });
		}
		jdbcTemplate.batchUpdate("INSERT INTO member (" + MEMBER_COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
		MemberPinyinKeys.insertForCards(jdbcTemplate, cards, rows.stream().map(Row::name).toList());
		return cards;
	}

	/**
	 * One {@code COPY … FROM STDIN} in text format (tab-separated, {@code \N} for null, backslash
	 * escapes), sent in chunks of about {@value #CHUNK} characters while the rows are built.
	 * Closing it ends the COPY; a failure cancels it.
	 */
	static final class CopyStream implements AutoCloseable {

		static final int CHUNK = 32 * 1024;

		private final CopyManager copy;

		private final String table;

		private final StringBuilder text = new StringBuilder(CHUNK + 1024);

		private CopyIn in;

		private boolean failed;

		CopyStream(CopyManager copy, String table) {
			this.copy = copy;
			this.table = table;
		}

		void row(Object... values) throws SQLException {
			appendRow(text, values);
			if (text.length() >= CHUNK) {
				flush();
			}
		}

		static void appendRow(StringBuilder text, Object... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				Object value = values[i];
				if (value == null) {
					text.append("\\N");
				}
				else if (value instanceof Long number) {
					text.append(number.longValue());
				}
				else if (value instanceof Integer number) {
					text.append(number.intValue());
				}
				else {
					escape(text, value.toString());
				}
			}
			text.append('\n');
		}

		private static void escape(StringBuilder text, String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> text.append("\\\\");
					case '\t' -> text.append("\\t");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					default -> text.append(c);
				}
			}
		}

		private void flush() throws SQLException {
			if (text.isEmpty()) {
				return;
			}
			if (in == null) {
				in = copy.copyIn("COPY " + table + " FROM STDIN");
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			text.setLength(0);
			try {
				in.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException | RuntimeException broken) {
				failed = true;
				throw broken;
			}
		}

		@Override
		public void close() throws SQLException {
			if (failed) {
				cancel();
				return;
			}
			try {
				flush();
				if (in != null) {
					in.endCopy();
				}
			}
			catch (SQLException | RuntimeException broken) {
				cancel();
				throw broken;
			}
		}

		private void cancel() {
			if (in != null && in.isActive()) {
				try {
					in.cancelCopy();
				}
				catch (SQLException ignored) {
					// the transaction rolls back anyway
				}
			}
		}
	}
}
