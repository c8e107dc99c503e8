package cn.unionportal.member;

import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Small helpers for writing the portal's spreadsheets: a bold, frozen header row and rows of
 * text, numbers and dates ({@code yyyy-mm-dd}). Text cells stay text, so long numbers such as ID
 * numbers are never turned into numbers by Excel.
 */
final class Spreadsheets {

	/** Column width in characters for the header row's columns. */
	private static final int WIDTH = 16;

	private Spreadsheets() {
	}

	static void headerRow(Workbook workbook, Sheet sheet, List<String> headers) {
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(i, WIDTH * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	/** A style for dates, to pass to {@link #row}. */
	static CellStyle dateStyle(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		return style;
	}

	static void row(Sheet sheet, int index, List<?> values) {
		row(sheet, index, values, null);
	}

	/** A row; {@code null} values leave the cell out, dates need {@code dateStyle}. */
	static void row(Sheet sheet, int index, List<?> values, CellStyle dateStyle) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof LocalDate date && dateStyle != null) {
				cell.setCellValue(date);
				cell.setCellStyle(dateStyle);
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}
}
