package cn.unionportal.member;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.ChineseNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many members at once (Excel import, data generator) with JDBC batches: the same columns
 * and protection (encryption, lookup hash, masking) as a member registered through the form.
 * Callers have validated the rows and checked them for duplicates; a duplicate that slips through
 * (a concurrent registration) fails the whole batch, which the caller's transaction rolls back.
 */
@Component
public class MemberBatchWriter {

	/** A validated member for a batch. {@code idNumber} and {@code phone} are normalized. */
	public record Row(String name, Gender gender, DocumentType documentType, String idNumber, LocalDate birthDate,
			String phone, EmploymentType employmentType, long organizationId, LocalDate joinDate) {
	}

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

	/** Inserts the rows as active members with fresh card numbers; returns their card numbers. */
	@Transactional
	public List<String> insert(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
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
			batch.add(new Object[] { row.name(), ChineseNames.personSortKey(row.name()), row.gender().name(), row.documentType().name(), id.cipher(), id.hash(),
					id.masked(), row.birthDate().getYear(), personalData.protectBirthDate(row.birthDate()).cipher(),
					phone == null ? null : phone.cipher(), phone == null ? null : phone.hash(),
					phone == null ? null : phone.masked(), row.employmentType().name(), row.organizationId(),
					Date.valueOf(row.joinDate()), id.hash(), card, now, now });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO member (name, name_sort, gender, document_type, id_number_cipher, id_number_hash, id_number_masked,
				  birth_year, birth_date_cipher, phone_cipher, phone_hash, phone_masked, employment_type, organization_id,
				  join_date, status, active_id_hash, card_number, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 0, ?, ?)
				""", batch);
		MemberPinyinKeys.insertForCards(jdbcTemplate, cards, rows.stream().map(Row::name).toList());
		return cards;
	}
}
