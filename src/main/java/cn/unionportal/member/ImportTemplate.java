package cn.unionportal.member;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.organization.OrganizationSummary;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The import template: sheet {@value MemberSheetFormat#DATA_SHEET} with the Chinese headers
 * (text format for numbers, drop-down lists for gender, document and employment type), sheet
 * {@value MemberSheetFormat#ORGANIZATION_SHEET} with the member homes of the user's scope and
 * their numbers, and sheet {@value MemberSheetFormat#INSTRUCTION_SHEET} in the user's language.
 */
final class ImportTemplate {

	/** How many instruction lines {@code member.import.template.line.N} there are. */
	static final int INSTRUCTION_LINES = 14;

	private final MessageSource messages;

	private final Locale locale;

	ImportTemplate(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	void write(List<OrganizationSummary> memberHomes, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			dataSheet(workbook);
			organizationSheet(workbook, memberHomes);
			instructionSheet(workbook);
			workbook.write(out);
		}
	}

	private void dataSheet(XSSFWorkbook workbook) {
		XSSFSheet sheet = workbook.createSheet(MemberSheetFormat.DATA_SHEET);
		List<String> headers = new ArrayList<>();
		for (Column column : Column.values()) {
			headers.add(column.header());
		}
		Spreadsheets.headerRow(workbook, sheet, headers);
		CellStyle text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		CellStyle date = Spreadsheets.dateStyle(workbook);
		for (Column column : Column.values()) {
			boolean isDate = column == Column.BIRTH_DATE || column == Column.JOIN_DATE;
			sheet.setDefaultColumnStyle(column.ordinal(), isDate ? date : text);
		}
		sheet.setColumnWidth(Column.ID_NUMBER.ordinal(), 22 * 256);
		sheet.setColumnWidth(Column.ORGANIZATION.ordinal(), 36 * 256);
		choice(sheet, Column.GENDER, MemberSheetFormat.genderLabels());
		choice(sheet, Column.DOCUMENT_TYPE, MemberSheetFormat.documentLabels());
		choice(sheet, Column.EMPLOYMENT_TYPE, MemberSheetFormat.employmentLabels());
	}

	private static void choice(XSSFSheet sheet, Column column, String[] labels) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		int lastRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(labels),
				new CellRangeAddressList(1, lastRow, column.ordinal(), column.ordinal()));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	private void organizationSheet(XSSFWorkbook workbook, List<OrganizationSummary> memberHomes) {
		XSSFSheet sheet = workbook.createSheet(MemberSheetFormat.ORGANIZATION_SHEET);
		Spreadsheets.headerRow(workbook, sheet, List.of(message("member.import.template.organizationNumber"),
				message("member.import.template.organizationName"), message("member.import.template.organizationType")));
		sheet.setColumnWidth(1, 40 * 256);
		int index = 1;
		for (OrganizationSummary organization : memberHomes) {
			Spreadsheets.row(sheet, index++, List.of(String.valueOf(organization.id()), organization.name(),
					message("organization.type." + organization.type())));
		}
	}

	private void instructionSheet(XSSFWorkbook workbook) {
		XSSFSheet sheet = workbook.createSheet(MemberSheetFormat.INSTRUCTION_SHEET);
		Spreadsheets.headerRow(workbook, sheet, List.of(message("member.import.template.instructions")));
		sheet.setColumnWidth(0, 120 * 256);
		for (int i = 1; i <= INSTRUCTION_LINES; i++) {
			Spreadsheets.row(sheet, i, List.of(message("member.import.template.line." + i)));
		}
	}

	private String message(String key) {
		return messages.getMessage(key, null, locale);
	}
}
