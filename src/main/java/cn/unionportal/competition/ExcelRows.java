package cn.unionportal.competition;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.RuleViolationException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The first sheet of an uploaded Excel file as text cells (numbers as displayed), for the entry
 * and theory-score imports. A file POI cannot read is refused with {@code errorKey}; more than
 * {@code maxRows} rows below the header with {@code competition.import.error.tooManyRows}.
 */
final class ExcelRows {

	/** A row of the sheet: its number as Excel shows it (1-based) and its cells, trimmed. */
	record Line(int number, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		boolean blank() {
			return cells.stream().allMatch(String::isEmpty);
		}
	}

	private ExcelRows() {
	}

	/** Every row of the first sheet, the header first. */
	static List<Line> read(InputStream file, int maxRows, String errorKey) {
		DataFormatter format = new DataFormatter();
		try (Workbook workbook = WorkbookFactory.create(file)) {
			Sheet sheet = workbook.getSheetAt(0);
			List<Line> rows = new ArrayList<>();
			for (Row row : sheet) {
				if (rows.size() > maxRows) {
					throw new RuleViolationException("file", "competition.import.error.tooManyRows", maxRows);
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
				}
				rows.add(new Line(row.getRowNum() + 1, cells));
			}
			return rows;
		}
		catch (RuleViolationException tooMany) {
			throw tooMany;
		}
		catch (IOException | RuntimeException unreadable) {
			throw new RuleViolationException("file", errorKey);
		}
	}
}
