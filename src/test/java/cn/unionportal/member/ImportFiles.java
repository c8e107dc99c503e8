package cn.unionportal.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds real .xlsx files for import tests, and unique, valid ID numbers that no other test or
 * demo data uses (region 654028, which the synthetic people never get).
 */
final class ImportFiles {

	static final List<String> HEADERS = List.of("姓名", "性别", "证件类型", "证件号码", "出生日期", "手机号码", "用工类型", "所属组织",
			"入会日期");

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1000 * 1000);

	private ImportFiles() {
	}

	/** A fresh valid resident ID number of the given gender. */
	static String uniqueId(Gender gender) {
		return uniqueId("654028", gender);
	}

	/** A fresh valid number with the given 6-digit prefix (810000 for a Hong Kong permit). */
	static String uniqueId(String prefix, Gender gender) {
		long n = SEQUENCE.incrementAndGet();
		LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(n / 500 % 14_000);
		int genderDigit = 2 * (int) (n / 100 % 5) + (gender == Gender.MALE ? 1 : 0);
		String first17 = String.format(Locale.ROOT, "%s%s%02d%d", prefix,
				birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), n % 100, genderDigit);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	/** An .xlsx with the template's header row and the given rows; LocalDate values become Excel dates. */
	static byte[] xlsx(List<List<Object>> rows) {
		return xlsx(HEADERS, rows);
	}

	static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			fill(workbook, headers, rows);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A large file written with a streaming workbook and a shared strings table (as Excel saves). */
	static void largeXlsx(OutputStream out, Iterable<List<Object>> rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 500, true, true)) {
			fill(workbook, HEADERS, rows);
			workbook.write(out);
		}
	}

	private static void fill(Workbook workbook, List<String> headers, Iterable<List<Object>> rows) {
		Sheet sheet = workbook.createSheet(MemberSheetFormat.DATA_SHEET);
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			header.createCell(i).setCellValue(headers.get(i));
		}
		int index = 1;
		for (List<Object> values : rows) {
			Row row = sheet.createRow(index++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(date);
				}
				else if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else {
					cell.setCellValue(value.toString());
				}
			}
		}
	}

	/** A row in template order; {@code null} leaves a cell empty. */
	static List<Object> row(Object... values) {
		List<Object> row = new ArrayList<>();
		for (Object value : values) {
			row.add(value);
		}
		return row;
	}

	static XSSFWorkbook parse(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}
}
