package cn.unionportal.member;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the result of a member search (the same scope, filters and order as the list) as an
 * .xlsx in the import template's format plus card number and status. Rows stream from the
 * database with a cursor into a streaming workbook, so a whole federation fits a small heap.
 * ID and phone numbers are masked unless the caller asks for them unmasked and
 * {@link MemberManagement#mayReveal may reveal} them; such an export is audited as one
 * {@code EXPORT_UNMASKED} line with the number of rows. The masked export has the birth year in
 * the birth date column, the unmasked one the full date.
 */
@Service
public class MemberExports {

	/** Rows below the header that fit into one sheet. */
	public static final int ROW_LIMIT = 1_048_575;

	private static final int FETCH_SIZE = 1000;

	private static final int WINDOW = 200;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final NamedParameterJdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	private final MemberExactSearches exactSearches;

	MemberExports(MemberManagement members, OrganizationManagement organizations, PersonalData personalData,
			AuditTrail audit, DataSource dataSource, PlatformTransactionManager transactionManager,
			MemberExactSearches exactSearches) {
		this.exactSearches = exactSearches;
		this.members = members;
		this.organizations = organizations;
		this.personalData = personalData;
		this.audit = audit;
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Checks scope and permission, then writes the workbook. Nothing is written when a check
	 * fails. @return the number of members written
	 * @throws NotFoundException when the query names an organization outside the user's scope
	 * @throws ForbiddenException when unmasked values are asked for by a user who may not reveal
	 */
	public int export(CurrentUser user, MemberQuery query, boolean unmasked, OutputStream out) throws IOException {
		long scope = scopeOf(user, query);
		if (unmasked && !members.mayReveal(user)) {
			throw new ForbiddenException("unmasked exports need an administrator");
		}
		OrganizationDirectory directory = OrganizationDirectory.of(organizations, user);
		MemberSearchSql sql = MemberSearchSql.of(scope, query, personalData);
		if (sql.exact() != null) {
			exactSearches.admit(user, sql.exact(), scope);
		}
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			workbook.setCompressTempFiles(true);
			int rows = writeRows(workbook, sql, unmasked, directory);
			if (unmasked) {
				audit.record(user.username(), "EXPORT_UNMASKED", MemberManagement.SUBJECT, 0, scope,
						"rows=" + rows + "; organization=" + scope + "; query=" + describe(query));
			}
			workbook.write(out);
			return rows;
		}
	}

	private long scopeOf(CurrentUser user, MemberQuery query) {
		return organizations.scopeOf(user).narrowTo(query.organizationId());
	}

	private int writeRows(SXSSFWorkbook workbook, MemberSearchSql sql, boolean unmasked,
			OrganizationDirectory directory) {
		SXSSFSheet sheet = workbook.createSheet(MemberSheetFormat.DATA_SHEET);
		List<String> headers = new ArrayList<>();
		for (Column column : Column.values()) {
			headers.add(column.header());
		}
		headers.add(MemberSheetFormat.CARD_NUMBER_HEADER);
		headers.add(MemberSheetFormat.STATUS_HEADER);
		Spreadsheets.headerRow(workbook, sheet, headers);
		CellStyle date = Spreadsheets.dateStyle(workbook);
		String columns = unmasked ? ", m.id_number_cipher, m.phone_cipher, m.birth_date_cipher" : "";
		int[] count = { 0 };
		readOnly.executeWithoutResult(tx -> cursor.query("SELECT m.name, m.gender, m.document_type, m.id_number_masked,"
				+ " m.birth_year, m.phone_masked, m.employment_type, m.organization_id, m.join_date, m.card_number,"
				+ " m.status" + columns + sql.where() + sql.orderBy() + " LIMIT " + ROW_LIMIT, sql.params(), rs -> {
					count[0]++;
					Spreadsheets.row(sheet, count[0], values(rs, unmasked, directory), date);
				}));
		return count[0];
	}

	private List<Object> values(ResultSet rs, boolean unmasked, OrganizationDirectory directory) throws SQLException {
		OrganizationSummary organization = directory.byId(rs.getLong("organization_id"));
		String idNumber = unmasked ? personalData.decrypt(rs.getString("id_number_cipher")) : rs.getString("id_number_masked");
		String phone = unmasked ? personalData.decrypt(rs.getString("phone_cipher")) : rs.getString("phone_masked");
		List<Object> values = new ArrayList<>(11);
		values.add(rs.getString("name"));
		values.add(MemberSheetFormat.label(Gender.valueOf(rs.getString("gender"))));
		values.add(MemberSheetFormat.label(DocumentType.valueOf(rs.getString("document_type"))));
		values.add(idNumber);
		// the masked export shows the birth year only: the date beside the number would give it away
		values.add(unmasked ? personalData.reveal(new BirthDate(rs.getInt("birth_year"), rs.getString("birth_date_cipher")))
				: String.valueOf(rs.getInt("birth_year")));
		values.add(phone);
		values.add(MemberSheetFormat.label(EmploymentType.valueOf(rs.getString("employment_type"))));
		values.add(organization == null ? null : organization.name());
		values.add(rs.getDate("join_date").toLocalDate());
		values.add(rs.getString("card_number"));
		values.add(MemberSheetFormat.label(MemberStatus.valueOf(rs.getString("status"))));
		return values;
	}

	private static String describe(MemberQuery query) {
		return "text=" + (query.text() == null || query.text().isBlank() ? "" : "(given)") + ", employment="
				+ query.employmentType() + ", status=" + query.status() + ", sort=" + query.sort();
	}
}
