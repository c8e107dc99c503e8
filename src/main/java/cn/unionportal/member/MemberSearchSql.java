package cn.unionportal.member;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The FROM/WHERE and ORDER BY of a member search, built from fixed fragments with bound
 * parameters only (nothing the user typed becomes SQL). Shared by the list and the export.
 *
 * @param where starts with " FROM member m WHERE", scoped to the subtree of the scope parameter
 */
record MemberSearchSql(String where, Map<String, Object> params, String orderBy) {

	private static final Pattern CARD = Pattern.compile("(?i)WH\\d{11}");

	private static final Pattern ID_LIKE = Pattern.compile("(?i)[0-9A-Z]{15,18}");

	static MemberSearchSql of(long scope, MemberQuery query, PersonalData personalData) {
		StringBuilder where = new StringBuilder(" FROM member m WHERE m.organization_id IN "
				+ "(SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :scope)");
		Map<String, Object> params = new HashMap<>();
		params.put("scope", scope);
		String text = query.text() == null ? "" : query.text().strip();
		if (!text.isEmpty()) {
			String compact = text.replaceAll("[\\s-]", "");
			if (CARD.matcher(compact).matches()) {
				where.append(" AND m.card_number = :card");
				params.put("card", CardNumbers.normalize(compact));
			}
			else if (PersonalData.isMobile(compact)) {
				where.append(" AND m.phone_hash = :phoneHash");
				params.put("phoneHash", personalData.lookupHash(compact));
			}
			else if (ID_LIKE.matcher(compact).matches() && compact.chars().filter(Character::isDigit).count() >= 12) {
				where.append(" AND m.id_number_hash = :idHash");
				params.put("idHash", personalData.lookupHash(compact));
			}
			else {
				where.append(" AND m.name LIKE :name ESCAPE '\\'");
				params.put("name", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (query.employmentType() != null) {
			where.append(" AND m.employment_type = :employment");
			params.put("employment", query.employmentType().name());
		}
		if (query.status() != null) {
			where.append(" AND m.status = :status");
			params.put("status", query.status().name());
		}
		String order = switch (query.sort()) {
			case NAME -> " ORDER BY m.name, m.id";
			case JOIN_DATE_DESC -> " ORDER BY m.join_date DESC, m.id DESC";
			case CARD_NUMBER -> " ORDER BY m.card_number";
		};
		return new MemberSearchSql(where.toString(), params, order);
	}
}
