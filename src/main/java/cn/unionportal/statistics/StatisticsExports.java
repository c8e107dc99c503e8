package cn.unionportal.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.unionportal.statistics.StatisticsView.Line;
import cn.unionportal.statistics.StatisticsView.Report;
import cn.unionportal.statistics.StatisticsView.Section;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The .xlsx exports of a report (issue 12): one sheet per section (figure, this year, last year,
 * change; numbers as numbers, amounts with two decimals), and the national form: the indicators of
 * the two 工会统计年报 forms in their order, with the portal's value or "not held".
 */
@Component
public class StatisticsExports {

	private final MessageSource messages;

	StatisticsExports(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] workbook(Report report) {
		Locale locale = LocaleContextHolder.getLocale();
		try (Workbook book = new XSSFWorkbook()) {
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			for (Section section : report.sections()) {
				Sheet sheet = book.createSheet(text("statistics.section." + section.key(), locale));
				header(sheet, locale, "statistics.column.figure", "statistics.column.year", "statistics.column.previous",
						"statistics.column.change");
				sheet.getRow(0).createCell(4).setCellValue(report.organizationName() + " " + report.year());
				int r = 1;
				for (Line line : section.lines()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(text("statistics.figure." + line.figure().key(), locale));
					number(row, 1, line.value(), line.figure(), money);
					number(row, 2, line.previous(), line.figure(), money);
					number(row, 3, line.change(), line.figure(), money);
				}
				sheet.setColumnWidth(0, 40 * 256);
			}
			return bytes(book);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] nationalForm(Report report) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Line> lines = report.sections()
			.stream()
			.flatMap(s -> s.lines().stream())
			.collect(Collectors.toMap(l -> l.figure().key(), Function.identity()));
		try (Workbook book = new XSSFWorkbook()) {
			for (String form : new String[] { "BASE", "ABOVE" }) {
				Sheet sheet = book.createSheet(text("statistics.national.form." + form, locale));
				header(sheet, locale, "statistics.national.number", "statistics.national.indicator",
						"statistics.column.year");
				int r = 1;
				for (NationalForm.Indicator indicator : NationalForm.INDICATORS) {
					if (!indicator.form().equals(form)) {
						continue;
					}
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(indicator.number());
					row.createCell(1).setCellValue(text("statistics.national." + indicator.key(), locale));
					Line line = indicator.figure() == null ? null : lines.get(indicator.figure());
					if (line == null) {
						row.createCell(2).setCellValue(text("statistics.national.notHeld", locale));
					}
					else {
						row.createCell(2).setCellValue(line.value().doubleValue());
					}
				}
				sheet.setColumnWidth(1, 40 * 256);
			}
			return bytes(book);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void header(Sheet sheet, Locale locale, String... keys) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			row.createCell(i).setCellValue(text(keys[i], locale));
		}
	}

	private static void number(Row row, int column, BigDecimal value, Figure figure, CellStyle money) {
		var cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		if (figure.unit() == FigureUnit.YUAN) {
			cell.setCellStyle(money);
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static byte[] bytes(Workbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}
}
