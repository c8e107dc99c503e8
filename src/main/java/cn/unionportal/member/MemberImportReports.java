package cn.unionportal.member;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.unionportal.member.MemberImportJobs.StoredRejection;
import cn.unionportal.member.MemberImports.ImportRejection;
import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The rows an import refused: a page of them on the import's page and the whole list as an .xlsx,
 * with ID and phone numbers masked and birth dates cut to the year. Visible to whoever may see the
 * import ({@link MemberImports#job}); to anyone else they answer like missing ones.
 */
@Service
public class MemberImportReports {

	private final MemberImports imports;

	private final MemberImportJobs jobs;

	private final PersonalDataCipher cipher;

	private final MessageSource messages;

	MemberImportReports(MemberImports imports, MemberImportJobs jobs, PersonalDataCipher cipher,
			MessageSource messages) {
		this.imports = imports;
		this.jobs = jobs;
		this.cipher = cipher;
		this.messages = messages;
	}

	public Page<ImportRejection> rejections(CurrentUser user, long id, Pageable pageable) {
		imports.load(user, id);
		List<ImportRejection> rows = jobs.rejections(id, pageable.getPageSize(), pageable.getOffset())
			.stream()
			.map(this::rejection)
			.toList();
		return new PageImpl<>(rows, pageable, jobs.countRejections(id));
	}

	/** The refused rows as an .xlsx: row number, reason in the user's language, the values (ID and phone masked). */
	public void writeRejectionReport(CurrentUser user, long id, Locale locale, OutputStream out) throws IOException {
		imports.load(user, id);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(messages.getMessage("member.import.report.sheet", null, locale));
			List<String> headers = new ArrayList<>(List.of(messages.getMessage("member.import.report.row", null, locale),
					messages.getMessage("member.import.report.reason", null, locale)));
			for (Column column : Column.values()) {
				headers.add(column.header());
			}
			Spreadsheets.headerRow(workbook, sheet, headers);
			int[] next = { 1 };
			jobs.eachRejection(id, stored -> {
				String[] cells = maskedCells(stored.rawCipher());
				List<Object> values = new ArrayList<>(List.of(stored.rowNumber(),
						messages.getMessage(stored.reasonKey(), ImportCells.splitArguments(stored.reasonArguments()),
								locale)));
				values.addAll(List.of(cells));
				Spreadsheets.row(sheet, next[0]++, values);
			});
			workbook.write(out);
		}
	}


	private ImportRejection rejection(StoredRejection stored) {
		String[] cells = maskedCells(stored.rawCipher());
		return new ImportRejection(stored.rowNumber(), stored.reasonKey(),
				ImportCells.splitArguments(stored.reasonArguments()), cells[Column.NAME.ordinal()],
				cells[Column.ID_NUMBER.ordinal()]);
	}

	/**
	 * The stored values of a refused row with the ID and phone numbers masked and the birth date
	 * cut to its year, as on every page (the typed date beside the masked number would narrow it
	 * down to about a hundred candidates).
	 */
	private String[] maskedCells(String rawCipher) {
		String[] cells = ImportCells.cells(cipher.decrypt(rawCipher), Column.values().length);
		cells[Column.ID_NUMBER.ordinal()] = Masking.idNumber(cells[Column.ID_NUMBER.ordinal()]);
		cells[Column.PHONE.ordinal()] = Masking.phone(cells[Column.PHONE.ordinal()]);
		cells[Column.BIRTH_DATE.ordinal()] = yearOnly(cells[Column.BIRTH_DATE.ordinal()]);
		return cells;
	}

	/** The leading four-digit year of a typed date, or nothing. */
	static String yearOnly(String typedDate) {
		java.util.regex.Matcher year = java.util.regex.Pattern.compile("^\\s*(\\d{4})(?!\\d)").matcher(
				typedDate == null ? "" : typedDate);
		return year.find() ? year.group(1) : "";
	}
}
