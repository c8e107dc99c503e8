package cn.unionportal.competition;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.member.CardNumbers;
import cn.unionportal.member.MemberBatchLookups;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entries from an Excel sheet (individual competitions): one row per member, column A the
 * membership card number, column B the current skill grade (0-5, empty for 0), a header row first.
 * Every row meets the checks of a single registration (scope, status, eligibility, capacity, the
 * registering organization's quota, one trade per competition, a member twice in the file); a
 * refused row leaves the others in place and the answer lists it with its reason. A batch path:
 * the members are looked up 1,000 cards a query, the counts are read once under the
 * competition's row lock, and the entries are written in JDBC batches.
 */
@Component
public class EntryImport {

	/** At most this many rows per file. */
	public static final int MAX_ROWS = 20_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final CompetitionCatalogue catalogue;

	private final CompetitionPermissions permissions;

	private final MemberBatchLookups members;

	private final AuditTrail audit;

	private final Clock clock;

	EntryImport(JdbcClient jdbc, JdbcTemplate batch, CompetitionCatalogue catalogue, CompetitionPermissions permissions,
			MemberBatchLookups members, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.catalogue = catalogue;
		this.permissions = permissions;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/** A refused row: its number in the sheet (1-based), the message key and its arguments. */
	public record RowError(int row, String messageKey, Object[] arguments) {
	}

	public record Result(int registered, List<RowError> errors) {
	}

	private record Accepted(MemberView member, int skillGrade, String code) {
	}

	@Transactional
	public Result run(CurrentUser user, long tradeId, InputStream file) {
		permissions.requireStaff(user);
		List<ExcelRows.Line> lines = ExcelRows.read(file, MAX_ROWS, "competition.import.error.file");
		TradeView trade = catalogue.trade(tradeId);
		// one registration at a time per competition: the counts below stay true
		jdbc.sql("SELECT id FROM competition WHERE id = :id FOR UPDATE").param("id", trade.competitionId())
			.query(Long.class).single();
		CompetitionView c = catalogue.load(trade.competitionId());
		if (c.teamForm()) {
			throw new RuleViolationException("file", "competition.import.error.team");
		}
		if (!c.registrationOpenOn(LocalDate.now(clock))) {
			throw new RuleViolationException(null, "competition.entry.error.window", c.registrationOpens(),
					c.registrationCloses());
		}
		if (trade.locked()) {
			throw new RuleViolationException(null, "competition.error.tradeLocked");
		}
		List<ExcelRows.Line> rows = lines.stream().filter(l -> l.number() > 1 && !l.cell(0).isBlank()).toList();
		Map<String, MemberView> found = members.byCardNumbers(user, rows.stream().map(l -> l.cell(0)).toList());
		long slot = c.multipleTrades() ? tradeId : 0;
		Set<Long> taken = new HashSet<>(jdbc.sql("""
				SELECT member_id FROM competition_entry_member WHERE competition_id = :c AND slot = :slot""")
			.param("c", c.id()).param("slot", slot).query(Long.class).list());
		Set<String> codes = new HashSet<>(jdbc.sql("SELECT contestant_code FROM competition_entry WHERE competition_id = :c")
			.param("c", c.id()).query(String.class).list());
		long active = trade.activeEntries();
		long fromOrganization = jdbc.sql("""
				SELECT COUNT(*) FROM competition_entry WHERE trade_id = :t AND organization_id = :o AND status = 'ACTIVE'""")
			.param("t", tradeId).param("o", user.organizationId()).query(Long.class).single();
		List<Accepted> accepted = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		for (ExcelRows.Line row : rows) {
			String card = row.cell(0);
			MemberView member = found.get(CardNumbers.normalize(card));
			try {
				if (member == null) { // a member of another scope answers like an unknown card
					throw new RuleViolationException("file", "competition.import.error.unknownCard", card);
				}
				int grade = grade(row.cell(1));
				CompetitionEntries.checkEligible(member, trade, c, grade);
				if (active >= trade.capacity()) {
					throw new RuleViolationException(null, "competition.entry.error.full", trade.capacity());
				}
				if (fromOrganization >= trade.quotaPerOrganization()) {
					throw new RuleViolationException(null, "competition.entry.error.quota", trade.quotaPerOrganization());
				}
				if (!taken.add(member.id())) {
					throw new RuleViolationException("memberIds", c.multipleTrades() ? "competition.entry.error.duplicate"
							: "competition.entry.error.oneTrade", member.name());
				}
				String code;
				do {
					code = CompetitionEntries.randomCode();
				}
				while (!codes.add(code));
				accepted.add(new Accepted(member, grade, code));
				active++;
				fromOrganization++;
			}
			catch (RuleViolationException refused) {
				errors.add(new RowError(row.number(), refused.messageKey(), refused.arguments()));
			}
		}
		write(user, c, trade, slot, accepted);
		if (!accepted.isEmpty()) {
			audit.record(user.username(), "IMPORT_ENTRIES", CompetitionManagement.SUBJECT, c.id(), user.organizationId(),
					trade.name() + ": " + accepted.size() + " entries from " + rows.size() + " rows, "
							+ errors.size() + " refused");
		}
		return new Result(accepted.size(), errors);
	}

	private static int grade(String text) {
		try {
			int grade = text.isBlank() ? 0 : Integer.parseInt(text.strip());
			if (grade >= 0 && grade <= 5) {
				return grade;
			}
		}
		catch (NumberFormatException notANumber) {
			// refused below
		}
		throw new RuleViolationException("file", "competition.import.error.grade", text);
	}

	private void write(CurrentUser user, CompetitionView c, TradeView trade, long slot, List<Accepted> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		batch.batchUpdate("""
				INSERT INTO competition_entry (competition_id, trade_id, organization_id, contestant_code, skill_grade,
				    status, registered_by, created_at, name_sort_key) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""",
				accepted.stream().map(a -> new Object[] { c.id(), trade.id(), user.organizationId(), a.code(),
						a.skillGrade(), user.username(), now, EntryNameKeys.of(null, a.member().name()) }).toList());
		Map<String, Long> ids = new HashMap<>();
		List<String> codes = accepted.stream().map(Accepted::code).toList();
		for (int from = 0; from < codes.size(); from += 1000) {
			jdbc.sql("SELECT id, contestant_code FROM competition_entry WHERE competition_id = :c AND contestant_code IN (:codes)")
				.param("c", c.id()).param("codes", codes.subList(from, Math.min(from + 1000, codes.size())))
				.query(rs -> {
					ids.put(rs.getString(2), rs.getLong(1));
				});
		}
		batch.batchUpdate("""
				INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
				VALUES (?, ?, ?, ?, ?, ?)""",
				accepted.stream().map(a -> new Object[] { ids.get(a.code()), a.member().id(), c.id(),
						a.member().organizationId(), a.member().name(), slot }).toList());
	}
}
