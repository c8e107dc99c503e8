package cn.unionportal.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.organization.OrganizationSummary;

/**
 * Checks one spreadsheet row with the same rules as registering through the form
 * ({@link MemberManagement#register}): the document number by type, birth date and gender derived
 * from it (and checked against what was typed), a Chinese mobile number, an active member home in
 * the uploader's scope, and dates that make sense. Duplicates are checked by the caller.
 */
final class ImportRowValidator {

	/** No join date before this year is plausible (the federation's records start in 1950). */
	static final int EARLIEST_JOIN_YEAR = 1950;

	private static final int NAME_LENGTH = 50;

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?[eE]\\+?\\d+");

	private static final Pattern ORGANIZATION_NUMBER = Pattern.compile("\\d{1,18}");

	/** What a row turned out to be. */
	sealed interface Outcome permits Valid, Rejected {
	}

	/** A member ready to be written; {@code personKey} identifies the person within the file. */
	record Valid(MemberBatchWriter.Row row, long personKey) implements Outcome {
	}

	/** Why a row is refused: a message key and its arguments. */
	record Rejected(String reasonKey, List<String> arguments) implements Outcome {

		Rejected(String reasonKey, String... arguments) {
			this(reasonKey, List.of(arguments));
		}
	}

	/** Thrown inside the checks to stop at the first problem. */
	private static final class Refusal extends RuntimeException {

		private final transient Rejected rejected;

		Refusal(String reasonKey, String... arguments) {
			super(reasonKey, null, false, false);
			this.rejected = new Rejected(reasonKey, arguments);
		}
	}

	private final OrganizationDirectory organizations;

	private final LocalDate today;

	ImportRowValidator(OrganizationDirectory organizations, LocalDate today) {
		this.organizations = organizations;
		this.today = today;
	}

	/** Checks the cells of one row (indexed by {@link Column#ordinal()}). */
	Outcome validate(String[] cells) {
		try {
			return check(cells);
		}
		catch (Refusal refusal) {
			return refusal.rejected;
		}
	}

	private Valid check(String[] cells) {
		String name = name(cells[Column.NAME.ordinal()]);
		DocumentType documentType = documentType(cells[Column.DOCUMENT_TYPE.ordinal()]);
		String idNumber = idNumber(documentType, cells[Column.ID_NUMBER.ordinal()]);
		Gender typedGender = gender(cells[Column.GENDER.ordinal()]);
		LocalDate typedBirthDate = date(Column.BIRTH_DATE, cells[Column.BIRTH_DATE.ordinal()]);
		Gender gender = typedGender;
		LocalDate birthDate = typedBirthDate;
		if (documentType != DocumentType.FOREIGN_PERMANENT_RESIDENCE) {
			ResidentIdNumber parsed = ResidentIdNumber.parse(idNumber);
			if (typedBirthDate != null && !typedBirthDate.equals(parsed.birthDate())) {
				throw new Refusal("member.error.birthDateMismatch");
			}
			if (typedGender != null && typedGender != parsed.gender()) {
				throw new Refusal("member.error.genderMismatch");
			}
			gender = parsed.gender();
			birthDate = parsed.birthDate();
		}
		require(gender, Column.GENDER);
		require(birthDate, Column.BIRTH_DATE);
		notFuture(birthDate, Column.BIRTH_DATE);
		String phone = phone(cells[Column.PHONE.ordinal()]);
		EmploymentType employment = employmentType(cells[Column.EMPLOYMENT_TYPE.ordinal()]);
		long organizationId = organization(cells[Column.ORGANIZATION.ordinal()]);
		LocalDate joinDate = joinDate(cells[Column.JOIN_DATE.ordinal()], birthDate);
		MemberBatchWriter.Row row = new MemberBatchWriter.Row(name, gender, documentType, idNumber, birthDate, phone,
				employment, organizationId, joinDate);
		return new Valid(row, PersonKeys.keyOf(idNumber));
	}

	private static String name(String text) {
		String name = text == null ? "" : text.strip();
		if (name.isEmpty()) {
			throw new Refusal("member.import.reason.required", Column.NAME.header());
		}
		if (name.codePointCount(0, name.length()) > NAME_LENGTH) {
			throw new Refusal("member.import.reason.nameTooLong", String.valueOf(NAME_LENGTH));
		}
		return name;
	}

	private static DocumentType documentType(String text) {
		if (text.isEmpty()) {
			return DocumentType.RESIDENT_ID;
		}
		DocumentType type = MemberSheetFormat.documentType(text);
		if (type == null) {
			throw new Refusal("member.import.reason.documentType", text);
		}
		return type;
	}

	private static String idNumber(DocumentType type, String text) {
		if (text.isEmpty()) {
			throw new Refusal("member.import.reason.required", Column.ID_NUMBER.header());
		}
		if (SCIENTIFIC.matcher(text).matches()) {
			throw new Refusal("member.import.reason.idNumberAsNumber");
		}
		try {
			return IdentityDocuments.validate(type, text);
		}
		catch (InvalidIdNumberException invalid) {
			throw new Refusal("member.error.idNumber." + invalid.reason());
		}
	}

	private static Gender gender(String text) {
		if (text.isEmpty()) {
			return null;
		}
		Gender gender = MemberSheetFormat.gender(text);
		if (gender == null) {
			throw new Refusal("member.import.reason.gender", text);
		}
		return gender;
	}

	private static String phone(String text) {
		String phone = PersonalData.normalizePhone(text);
		if (phone != null && !PersonalData.isMobile(phone)) {
			throw new Refusal("member.error.phone");
		}
		return phone;
	}

	private static EmploymentType employmentType(String text) {
		if (text.isEmpty()) {
			throw new Refusal("member.import.reason.required", Column.EMPLOYMENT_TYPE.header());
		}
		EmploymentType type = MemberSheetFormat.employmentType(text);
		if (type == null) {
			throw new Refusal("member.import.reason.employmentType", text);
		}
		return type;
	}

	/** By number (as on the template's organization sheet) or by a name unique in the scope. */
	private long organization(String text) {
		if (text.isEmpty()) {
			throw new Refusal("member.import.reason.required", Column.ORGANIZATION.header());
		}
		OrganizationSummary organization;
		if (ORGANIZATION_NUMBER.matcher(text).matches()) {
			organization = organizations.byId(Long.parseLong(text));
		}
		else {
			List<OrganizationSummary> named = organizations.byName(text);
			if (named.size() > 1) {
				throw new Refusal("member.import.reason.organizationAmbiguous", text);
			}
			organization = named.isEmpty() ? null : named.get(0);
		}
		if (organization == null) {
			throw new Refusal("member.import.reason.organizationUnknown", text);
		}
		if (!organization.isActive()) {
			throw new Refusal("member.import.reason.organizationDissolved", organization.name());
		}
		if (!organization.type().isMemberHome()) {
			throw new Refusal("member.error.notMemberHome");
		}
		return organization.id();
	}

	private LocalDate joinDate(String text, LocalDate birthDate) {
		LocalDate joinDate = date(Column.JOIN_DATE, text);
		if (joinDate == null) {
			return today;
		}
		notFuture(joinDate, Column.JOIN_DATE);
		if (joinDate.isBefore(birthDate)) {
			throw new Refusal("member.import.reason.joinBeforeBirth");
		}
		if (joinDate.getYear() < EARLIEST_JOIN_YEAR) {
			throw new Refusal("member.import.reason.joinDateTooEarly", String.valueOf(EARLIEST_JOIN_YEAR));
		}
		return joinDate;
	}

	/** {@code 2024-03-01}, {@code 2024/3/1}, {@code 2024.3.1}, {@code 2024年3月1日} or {@code 20240301}. */
	static LocalDate parseDate(String text) {
		Matcher m = DATE.matcher(text);
		if (!m.matches()) {
			m = COMPACT_DATE.matcher(text);
			if (!m.matches()) {
				return null;
			}
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}
		catch (DateTimeException invalid) {
			return null;
		}
	}

	private static LocalDate date(Column column, String text) {
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date = parseDate(text);
		if (date == null) {
			throw new Refusal("member.import.reason.date", column.header(), text);
		}
		return date;
	}

	private void notFuture(LocalDate date, Column column) {
		if (date.isAfter(today)) {
			throw new Refusal("member.import.reason.dateInFuture", column.header());
		}
	}

	private static void require(Object value, Column column) {
		if (value == null) {
			throw new Refusal("member.import.reason.required", column.header());
		}
	}
}
