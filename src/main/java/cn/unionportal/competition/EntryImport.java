package cn.unionportal.competition;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Component;

/**
 * Entries from an Excel sheet (individual competitions): one row per member, column A the
 * membership card number, column B the current skill grade (0-5, empty for 0), a header row first.
 * Every row goes through the same checks as a single registration, in a transaction of its own,
 * so a refused row leaves the others in place; the answer lists every refused row with its reason.
 */
@Component
public class EntryImport {

	/** At most this many rows per file. */
	public static final int MAX_ROWS = 20_000;

	private final CompetitionEntries entries;

	private final MemberManagement members;

	EntryImport(CompetitionEntries entries, MemberManagement members) {
		this.entries = entries;
		this.members = members;
	}

	/** A refused row: its number in the sheet (1-based), the message key and its arguments. */
	public record RowError(int row, String messageKey, Object[] arguments) {
	}

	public record Result(int registered, List<RowError> errors) {
	}

	public Result run(CurrentUser user, long tradeId, InputStream file) {
		List<String[]> rows = read(file);
		int registered = 0;
		List<RowError> errors = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String card = rows.get(i)[0];
			String grade = rows.get(i)[1];
			int rowNumber = i + 2;
			if (card.isBlank()) {
				continue;
			}
			Optional<Long> member = members.findIdByCardNumber(card.strip());
			if (member.isEmpty()) {
				errors.add(new RowError(rowNumber, "competition.import.error.unknownCard", new Object[] { card }));
				continue;
			}
			int skillGrade;
			try {
				skillGrade = grade.isBlank() ? 0 : Integer.parseInt(grade.strip());
				if (skillGrade < 0 || skillGrade > 5) {
					throw new NumberFormatException(grade);
				}
			}
			catch (NumberFormatException bad) {
				errors.add(new RowError(rowNumber, "competition.import.error.grade", new Object[] { grade }));
				continue;
			}
			try {
				entries.register(user, tradeId, List.of(member.get()), null, skillGrade);
				registered++;
			}
			catch (RuleViolationException refused) {
				errors.add(new RowError(rowNumber, refused.messageKey(), refused.arguments()));
			}
			catch (NotFoundException outOfScope) { // a member of another scope answers like an unknown card
				errors.add(new RowError(rowNumber, "competition.import.error.unknownCard", new Object[] { card }));
			}
		}
		return new Result(registered, errors);
	}

	private static List<String[]> read(InputStream file) {
		DataFormatter format = new DataFormatter();
		try (Workbook workbook = WorkbookFactory.create(file)) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String[]> rows = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				if (rows.size() >= MAX_ROWS) {
					throw new RuleViolationException("file", "competition.import.error.tooManyRows", MAX_ROWS);
				}
				rows.add(new String[] { text(format, row.getCell(0)), text(format, row.getCell(1)) });
			}
			return rows;
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RuleViolationException rule) {
				throw rule;
			}
			throw new RuleViolationException("file", "competition.import.error.file");
		}
	}

	private static String text(DataFormatter format, Cell cell) {
		return cell == null ? "" : format.formatCellValue(cell);
	}
}
