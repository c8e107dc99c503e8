package cn.unionportal.member;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The spreadsheet format of the member registry, shared by the import template, the import and
 * the export: fixed Chinese column headers and Chinese labels for the enumerated values (the file
 * format, like a protocol, does not change with the user's language). The import also accepts the
 * English constant names ({@code RESIDENT_ID}, {@code ON_THE_JOB}, {@code MALE}).
 */
final class MemberSheetFormat {

	/** Name of the data sheet in the template (otherwise the first sheet is read). */
	static final String DATA_SHEET = "会员信息";

	/** Name of the template sheet listing the organizations members may be imported into. */
	static final String ORGANIZATION_SHEET = "组织列表";

	/** Name of the template sheet with the instructions. */
	static final String INSTRUCTION_SHEET = "填写说明";

	/** The columns of the import, in template order. */
	enum Column {

		NAME("姓名", true), GENDER("性别", false), DOCUMENT_TYPE("证件类型", false), ID_NUMBER("证件号码", true),
		BIRTH_DATE("出生日期", false), PHONE("手机号码", false), EMPLOYMENT_TYPE("用工类型", true),
		ORGANIZATION("所属组织", true), JOIN_DATE("入会日期", false);

		private final String header;

		private final boolean required;

		Column(String header, boolean required) {
			this.header = header;
			this.required = required;
		}

		String header() {
			return header;
		}

		boolean required() {
			return required;
		}

		/** The column a header cell names: markers such as {@code *} and notes in brackets are ignored. */
		static Column ofHeader(String text) {
			String cleaned = cleanHeader(text);
			for (Column column : values()) {
				if (column.header.equals(cleaned)) {
					return column;
				}
			}
			return null;
		}

		private static String cleanHeader(String text) {
			if (text == null) {
				return "";
			}
			String cleaned = text.strip().replace("*", "").replace("＊", "");
			for (String bracket : new String[] { "(", "（" }) {
				int at = cleaned.indexOf(bracket);
				if (at > 0) {
					cleaned = cleaned.substring(0, at);
				}
			}
			return cleaned.strip();
		}
	}

	/** Columns of the export beyond the import's. */
	static final String CARD_NUMBER_HEADER = "会员卡号";

	static final String STATUS_HEADER = "会员状态";

	private static final Map<Gender, String> GENDERS = new EnumMap<>(Map.of(Gender.MALE, "男", Gender.FEMALE, "女"));

	private static final Map<DocumentType, String> DOCUMENTS = new EnumMap<>(Map.of(DocumentType.RESIDENT_ID, "居民身份证",
			DocumentType.HK_MACAO_RESIDENCE_PERMIT, "港澳居民居住证", DocumentType.TAIWAN_RESIDENCE_PERMIT, "台湾居民居住证",
			DocumentType.FOREIGN_PERMANENT_RESIDENCE, "外国人永久居留身份证"));

	private static final Map<EmploymentType, String> EMPLOYMENTS = new EnumMap<>(Map.of(EmploymentType.ON_THE_JOB,
			"在岗职工", EmploymentType.MIGRANT_WORKER, "农民工", EmploymentType.DISPATCHED, "劳务派遣",
			EmploymentType.NEW_EMPLOYMENT_FORM, "新就业形态", EmploymentType.HIGH_LEVEL_TALENT, "高层次人才"));

	private static final Map<MemberStatus, String> STATUSES = new EnumMap<>(Map.of(MemberStatus.ACTIVE, "在册",
			MemberStatus.TRANSFERRED_OUT, "已转出", MemberStatus.LAPSED, "已失效", MemberStatus.DECEASED, "已故"));

	private static final Map<String, Gender> GENDER_INPUT = inputs(GENDERS, Gender.values());

	private static final Map<String, DocumentType> DOCUMENT_INPUT = inputs(DOCUMENTS, DocumentType.values());

	private static final Map<String, EmploymentType> EMPLOYMENT_INPUT = inputs(EMPLOYMENTS, EmploymentType.values());

	private MemberSheetFormat() {
	}

	static String label(Gender gender) {
		return GENDERS.get(gender);
	}

	static String label(DocumentType type) {
		return DOCUMENTS.get(type);
	}

	static String label(EmploymentType type) {
		return EMPLOYMENTS.get(type);
	}

	static String label(MemberStatus status) {
		return STATUSES.get(status);
	}

	/** The labels offered in the template's drop-down lists. */
	static String[] genderLabels() {
		return GENDERS.values().toArray(String[]::new);
	}

	static String[] documentLabels() {
		return DOCUMENTS.values().toArray(String[]::new);
	}

	static String[] employmentLabels() {
		return EMPLOYMENTS.values().toArray(String[]::new);
	}

	/** The gender a cell names, or {@code null} when it names none. */
	static Gender gender(String text) {
		return GENDER_INPUT.get(key(text));
	}

	static DocumentType documentType(String text) {
		return DOCUMENT_INPUT.get(key(text));
	}

	static EmploymentType employmentType(String text) {
		return EMPLOYMENT_INPUT.get(key(text));
	}

	private static String key(String text) {
		return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
	}

	private static <E extends Enum<E>> Map<String, E> inputs(Map<E, String> labels, E[] constants) {
		Map<String, E> inputs = new HashMap<>();
		for (E constant : constants) {
			inputs.put(constant.name(), constant);
			inputs.put(labels.get(constant), constant);
		}
		return Map.copyOf(inputs);
	}
}
