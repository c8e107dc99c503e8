package cn.unionportal.member;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import cn.unionportal.member.MemberSheetFormat.Column;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the member sheet of an .xlsx file row by row with SAX (POI's {@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}), never holding more than one row; shared strings are kept compactly
 * ({@link CompactSharedStrings}). Row 1 is the header; columns are found by their header, in any
 * order. Dates come as {@code yyyy-MM-dd}, whole numbers without decimals or grouping.
 */
final class StreamingSheetReader {

	/** Receives the data rows; {@code cells} is indexed by {@link Column#ordinal()}, blanks are "". */
	interface RowHandler {

		void row(int rowNumber, String[] cells);
	}

	/** Where each column is in the file (-1 when absent). */
	record Header(Map<Column, Integer> positions) {

		List<Column> missingRequired() {
			return Arrays.stream(Column.values()).filter(c -> c.required() && !positions.containsKey(c)).toList();
		}
	}

	/** The file is not an .xlsx workbook, is damaged, or has no sheet. */
	static final class UnreadableException extends Exception {

		UnreadableException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private StreamingSheetReader() {
	}

	/** Reads just the header row. */
	static Header readHeader(Path file) throws UnreadableException {
		HeaderOnly contents = new HeaderOnly();
		try {
			parse(file, contents);
		}
		catch (StopReading enough) {
			// the header has been read
		}
		return contents.header();
	}

	/**
	 * The number of rows below the header, for the progress bar: from the sheet's
	 * {@code <dimension>} when it has one (Excel writes it), otherwise by counting the rows with a
	 * value (a fast pass without strings). A dimension may include empty rows, so this is an upper
	 * bound.
	 */
	static int countDataRows(Path file) throws UnreadableException {
		RowCounter counter = new RowCounter();
		try {
			withSheet(file, (sheet, strings, styles) -> runParser(sheet, counter));
		}
		catch (StopReading dimensionFound) {
			// counter.rows holds the last row of the dimension
		}
		return Math.max(counter.rows - 1, 0);
	}

	/** Reads every data row, in order, to the handler. */
	static void read(Path file, Header header, RowHandler handler) throws UnreadableException {
		parse(file, new Rows(header, handler));
	}

	private static void parse(Path file, SheetContentsHandler contents) throws UnreadableException {
		withSheet(file, (sheet, strings, styles) -> runParser(sheet,
				new XSSFSheetXMLHandler(styles, null, strings, contents, new PlainDataFormatter(), false)));
	}

	private interface SheetWork {

		void run(InputStream sheet, CompactSharedStrings strings, StylesTable styles) throws IOException, SAXException;
	}

	private static void withSheet(Path file, SheetWork work) throws UnreadableException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			CompactSharedStrings strings = sharedStrings(pkg);
			StylesTable styles = reader.getStylesTable();
			try (InputStream sheet = dataSheet(reader)) {
				work.run(sheet, strings, styles);
			}
		}
		catch (StopReading stop) {
			throw stop;
		}
		catch (HandlerFailure failure) {
			throw (RuntimeException) failure.getCause();
		}
		catch (InvalidFormatException | IllegalArgumentException notXlsx) {
			throw new UnreadableException("not an .xlsx workbook", notXlsx);
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException damaged) {
			if (damaged instanceof RuntimeException runtime && !isPoiProblem(runtime)) {
				throw runtime;
			}
			throw new UnreadableException("damaged .xlsx workbook", damaged);
		}
	}

	/** POI reports damaged files with a range of unchecked exceptions of its own. */
	private static boolean isPoiProblem(RuntimeException problem) {
		String type = problem.getClass().getName();
		return type.startsWith("org.apache.poi.") || type.startsWith("org.apache.xmlbeans.")
				|| problem instanceof IllegalStateException || problem instanceof UnsupportedOperationException;
	}

	private static CompactSharedStrings sharedStrings(OPCPackage pkg) throws IOException, SAXException {
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return CompactSharedStrings.empty();
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return CompactSharedStrings.read(in);
		}
	}

	/** The sheet named {@value MemberSheetFormat#DATA_SHEET}, otherwise the first one. */
	private static InputStream dataSheet(XSSFReader reader) throws IOException, InvalidFormatException {
		XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
		InputStream first = null;
		while (sheets.hasNext()) {
			InputStream sheet = sheets.next();
			if (MemberSheetFormat.DATA_SHEET.equals(sheets.getSheetName())) {
				if (first != null) {
					first.close();
				}
				return sheet;
			}
			if (first == null) {
				first = sheet;
			}
			else {
				sheet.close();
			}
		}
		if (first == null) {
			throw new InvalidFormatException("workbook without sheets");
		}
		return first;
	}

	private static void runParser(InputStream sheet, ContentHandler handler) throws IOException, SAXException {
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(handler);
			parser.parse(new InputSource(sheet));
		}
		catch (ParserConfigurationException unavailable) {
			throw new IllegalStateException("no SAX parser", unavailable);
		}
	}

	/** Ends parsing early (after the header). */
	private static final class StopReading extends RuntimeException {

		StopReading() {
			super(null, null, false, false);
		}
	}

	/** The row number after the last digit-free prefix of the range's end, e.g. 570001 for "A1:I570001"; 0 if none. */
	static int lastRow(String range) {
		if (range == null || range.isEmpty()) {
			return 0;
		}
		String end = range.substring(range.indexOf(':') + 1);
		int i = 0;
		while (i < end.length() && Character.isLetter(end.charAt(i))) {
			i++;
		}
		try {
			return Integer.parseInt(end.substring(i));
		}
		catch (NumberFormatException notARow) {
			return 0;
		}
	}

	/** A failure of the row handler (not of the file), passed through unchanged. */
	private static final class HandlerFailure extends RuntimeException {

		HandlerFailure(RuntimeException cause) {
			super(cause);
		}
	}

	/** Column index of a cell reference such as {@code "AB12"} (0-based), or -1. */
	static int columnOf(String reference) {
		if (reference == null) {
			return -1;
		}
		int column = 0;
		int i = 0;
		while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
			i++;
		}
		return i == 0 ? -1 : column - 1;
	}

	/** Collects row 1 into a header. */
	private static final class HeaderOnly implements SheetContentsHandler {

		private final Map<Column, Integer> positions = new EnumMap<>(Column.class);

		private boolean seen;

		Header header() {
			return new Header(Map.copyOf(positions));
		}

		@Override
		public void startRow(int rowNum) {
			if (rowNum > 0 || seen) {
				throw new StopReading();
			}
			seen = true;
		}

		@Override
		public void endRow(int rowNum) {
			throw new StopReading();
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			Column column = Column.ofHeader(value);
			if (column != null && !positions.containsKey(column)) {
				positions.put(column, columnOf(reference));
			}
		}
	}

	/** Turns the data rows into arrays by {@link Column}, skipping blank ones. */
	private static final class Rows implements SheetContentsHandler {

		private final Column[] byIndex;

		private final RowHandler handler;

		private String[] cells;

		private boolean blank;

		private int nextColumn;

		private boolean data;

		Rows(Header header, RowHandler handler) {
			int width = header.positions().values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			this.byIndex = new Column[width];
			header.positions().forEach((column, index) -> byIndex[index] = column);
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			data = rowNum > 0;
			cells = new String[Column.values().length];
			Arrays.fill(cells, "");
			blank = true;
			nextColumn = 0;
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int index = reference == null ? nextColumn : columnOf(reference);
			nextColumn = index + 1;
			if (!data || index < 0 || index >= byIndex.length || byIndex[index] == null || value == null) {
				return;
			}
			String text = value.strip();
			cells[byIndex[index].ordinal()] = text;
			blank &= text.isEmpty();
		}

		@Override
		public void endRow(int rowNum) {
			if (data && !blank) {
				try {
					handler.row(rowNum + 1, cells);
				}
				catch (RuntimeException failure) {
					throw new HandlerFailure(failure);
				}
			}
		}
	}

	/** Reads the last row of {@code <dimension ref="A1:I570001">}, or counts {@code <row>}s with a value. */
	private static final class RowCounter extends DefaultHandler {

		private int rows;

		private boolean hasValue;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = CompactSharedStrings.name(localName, qName);
			if (name.equals("dimension")) {
				int last = lastRow(attributes.getValue("ref"));
				if (last > 1) {
					rows = last;
					throw new StopReading();
				}
			}
			else if (name.equals("row")) {
				hasValue = false;
			}
			else if (name.equals("v") || name.equals("t")) {
				hasValue = true;
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			if (hasValue && CompactSharedStrings.name(localName, qName).equals("row")) {
				rows++;
				hasValue = false;
			}
		}
	}

	/**
	 * Dates as ISO {@code yyyy-MM-dd}; other numbers plainly ({@code 13800138000}, not
	 * {@code 1.38E10}), except numbers too long for a double to keep every digit (an ID number typed
	 * as a number), which stay in scientific notation so that they are recognized as damaged.
	 */
	static final class PlainDataFormatter extends DataFormatter {

		private static final double EXACT_LIMIT = 1e15;

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			if (Math.abs(value) >= EXACT_LIMIT) {
				return Double.toString(value);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	/** The headers the file should have, for messages. */
	static List<String> headers(List<Column> columns) {
		List<String> headers = new ArrayList<>();
		columns.forEach(c -> headers.add(c.header()));
		return headers;
	}
}
