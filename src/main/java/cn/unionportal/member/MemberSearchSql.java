package cn.unionportal.member;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;

import cn.unionportal.organization.Scope;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.ChineseNames;

/**
 * The FROM/WHERE and ORDER BY of a member search, built from fixed fragments with bound
 * parameters only (nothing the user typed becomes SQL). Shared by the list and the export.
 *
 * @param orderBy the order of the rows of {@code where}
 * @param memberOrder the same order over {@code member m} alone (to read a page's rows again)
 * @param where starts with " FROM member m WHERE" (for a pinyin query " FROM member_pinyin_prefix p JOIN
 *        member m …"), scoped to the subtree of the scope parameter, one row per member
 * @param exact the exact search by ID or mobile number this is, or {@code null}: such searches
 *        are counted and audited ({@link MemberExactSearches})
 * @param keyColumns the columns of {@code orderBy} in order (the last one unique): a page's position
 *        for keyset paging ({@link #keyset})
 * @param descending whether {@code orderBy} runs from the highest key down
 * @param idColumn the member id in {@code where} ({@code m.id}, or {@code p.member_id} when a
 *        pinyin search reads the prefix rows alone)
 * @param pageCondition more of the same condition, for reading a page (not for counting): a range
 *        of sort keys that holds every match, "" for none
 */
record MemberSearchSql(String where, Map<String, Object> params, String orderBy, String memberOrder, Exact exact,
		List<String> keyColumns, boolean descending, String idColumn, String pageCondition) {

	/** An exact search: the audit action and the searched value, masked as pages show it. */
	record Exact(String action, String masked) {
	}

	/**
	 * Keyset paging: the condition that keeps the rows after (or before) a row's key in this
	 * order, with the parameters {@code key0, key1 …} in the order of {@link #keyColumns}, and the
	 * order to read them in (reversed when reading backwards: the caller sorts the page again).
	 */
	record Keyset(String condition, String order) {
	}

	/** The key columns of a member row, read for the anchor of a keyset page (see {@link #anchorKey}). */
	static final String ANCHOR_COLUMNS = "m.name_sort, m.id, m.join_date, m.card_number";

	private static final Pattern CARD = Pattern.compile("(?i)WH\\d{11}");

	private static final Pattern ID_LIKE = Pattern.compile("(?i)[0-9A-Z]{15,18}");

	/** The search with the member row joined (for a select of member columns, as the export's). */
	static MemberSearchSql of(long scope, MemberQuery query, PersonalData personalData) {
		return of(scope, query, personalData, true);
	}

	/**
	 * The search; without {@code memberColumns} a pinyin search by name with no filter of the member
	 * row reads the prefix rows alone (select {@link #idColumn}, then the member rows by id).
	 */
	static MemberSearchSql of(long scope, MemberQuery query, PersonalData personalData, boolean memberColumns) {
		String text = query.text() == null ? "" : query.text().strip();
		// letters only: never a card, mobile or ID number
		String pinyin = text.isEmpty() ? null : ChineseNames.pinyinQuery(text).orElse(null);
		// pinyin by name without filters of the member row: the prefix rows alone (their index holds
		// the sort key and the organization), so the capped count reads no member rows
		boolean prefixRowsAlone = !memberColumns && pinyin != null && query.employmentType() == null && query.status() == null
				&& query.sort() == MemberQuery.Sort.NAME;
		StringBuilder where = new StringBuilder(pinyin == null ? " FROM member m WHERE"
				// pinyin: the member's rows of member_pinyin_prefix for the first letters typed (one per
				// member) sorted by their copy of the sort key, the order of ix_member_pinyin_prefix: a
				// page in pinyin order reads about as many entries as it shows instead of walking the
				// member order until the matches start (V18)
				: prefixRowsAlone ? " FROM member_pinyin_prefix p WHERE p.prefix = :pinyinHead AND"
						: " FROM member_pinyin_prefix p JOIN member m ON m.id = p.member_id"
								+ " WHERE p.prefix = :pinyinHead AND");
		// the scope (pinyin: the prefix rows' copy of the organization, read from their index)
		where.append((pinyin == null ? " m.organization_id" : " p.organization_id") + Scope.SUBTREE);
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, scope);
		String pageCondition = "";
		Exact exact = null;
		if (!text.isEmpty()) {
			String compact = text.replaceAll("[\\s-]", "");
			if (CARD.matcher(compact).matches()) {
				where.append(" AND m.card_number = :card");
				params.put("card", CardNumbers.normalize(compact));
			}
			else if (PersonalData.isMobile(compact)) {
				where.append(" AND m.phone_hash = :phoneHash");
				params.put("phoneHash", personalData.lookupHash(compact));
				exact = new Exact("SEARCH_PHONE", Masking.phone(compact));
			}
			else if (ID_LIKE.matcher(compact).matches() && compact.chars().filter(Character::isDigit).count() >= 12) {
				where.append(" AND m.id_number_hash = :idHash");
				params.put("idHash", personalData.lookupHash(compact));
				exact = new Exact("SEARCH_ID_NUMBER", Masking.idNumber(compact));
			}
			else if (pinyin != null) {
				// pinyin (wjc, wangjc, wang jian chu): a prefix of one of the member's keys; up to six
				// letters are the prefix row itself (V32), a longer one is also a range on the index of
				// member_pinyin (letters only, so the same in every collation)
				params.put("pinyinHead", pinyin.substring(0, Math.min(pinyin.length(), MemberPinyinKeys.PREFIX_LENGTH)));
				if (pinyin.length() > MemberPinyinKeys.PREFIX_LENGTH) {
					where.append(" AND EXISTS (SELECT 1 FROM member_pinyin k WHERE k.member_id = p.member_id"
							+ " AND k.pinyin >= :pinyinFrom AND k.pinyin < :pinyinTo)");
					params.put("pinyinFrom", pinyin);
					params.put("pinyinTo", after(pinyin));
				}
			}
			else {
				// the prefix as a range, which an index serves even in a prepared (generic) plan; names
				// compare by code point (PostgreSQL: collation "C", db/vendor/postgresql). The range holds
				// exactly the names with the prefix when its bound is the next code point; only then is
				// LIKE left out (beside the range it made PostgreSQL count the condition twice, expect
				// 1/100 of the rows and sort all 48,000 names of 王 by organization for the count)
				if (!exactRange(text)) {
					where.append(" AND m.name LIKE :name ESCAPE '\\'");
					params.put("name", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
				}
				where.append(" AND m.name >= :nameFrom AND m.name < :nameTo");
				params.put("nameFrom", text);
				params.put("nameTo", after(text));
				// by name: the page also reads only the sort keys such names have, so it starts where
				// they are in ix_member_name_sort instead of walking every name before them (王 sorts late)
				// or sorting all of them; the count keeps the plain name range (cheaper for it)
				Optional<String> keyStart = query.sort() == MemberQuery.Sort.NAME
						? ChineseNames.personSortKeyStart(text) : Optional.empty();
				if (keyStart.isPresent()) {
					pageCondition = " AND m.name_sort >= :sortFrom AND m.name_sort < :sortTo";
					params.put("sortFrom", keyStart.get());
					params.put("sortTo", after(keyStart.get()));
				}
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
			case NAME -> " ORDER BY m.name_sort, m.id"; // pinyin order (ChineseNames)
			case JOIN_DATE_DESC -> " ORDER BY m.join_date DESC, m.id DESC";
			case CARD_NUMBER -> " ORDER BY m.card_number";
		};
		List<String> keys = switch (query.sort()) {
			case NAME -> List.of("m.name_sort", "m.id");
			case JOIN_DATE_DESC -> List.of("m.join_date", "m.id");
			case CARD_NUMBER -> List.of("m.card_number");
		};
		// the same order through the prefix rows' copy of the sort key (not a join on it: PostgreSQL
		// would take the two join conditions as independent and expect almost no rows)
		boolean pinyinByName = pinyin != null && query.sort() == MemberQuery.Sort.NAME;
		String pinyinOrder = pinyinByName ? " ORDER BY p.name_sort, p.member_id" : order;
		return new MemberSearchSql(where.toString(), params, pinyinOrder, order, exact,
				pinyinByName ? List.of("p.name_sort", "p.member_id") : keys,
				query.sort() == MemberQuery.Sort.JOIN_DATE_DESC, prefixRowsAlone ? "p.member_id" : "m.id", pageCondition);
	}

	/**
	 * The rows after ({@code forward}) or before a key of this order, as one row-value comparison
	 * (which PostgreSQL turns into an index bound, and H2 understands), and the order to read them.
	 */
	Keyset keyset(boolean forward) {
		StringBuilder columns = new StringBuilder();
		StringBuilder values = new StringBuilder();
		StringBuilder order = new StringBuilder(" ORDER BY ");
		// reading ascending keys: forward in an ascending order, backward in a descending one
		boolean ascending = forward != descending;
		for (int i = 0; i < keyColumns.size(); i++) {
			String separator = i == 0 ? "" : ", ";
			columns.append(separator).append(keyColumns.get(i));
			values.append(separator).append(":key").append(i);
			order.append(separator).append(keyColumns.get(i)).append(ascending ? "" : " DESC");
		}
		String condition = keyColumns.size() == 1 ? " AND " + columns + (ascending ? " > " : " < ") + values
				: " AND (" + columns + ")" + (ascending ? " > " : " < ") + "(" + values + ")";
		return new Keyset(condition, order.toString());
	}

	/** The key of this order from a row of {@link #ANCHOR_COLUMNS}, as the parameters of {@link #keyset}. */
	Map<String, Object> anchorKey(java.sql.ResultSet row) throws java.sql.SQLException {
		Map<String, Object> key = new HashMap<>();
		for (int i = 0; i < keyColumns.size(); i++) {
			String column = keyColumns.get(i);
			Object value = switch (column.substring(2)) {
				case "name_sort" -> row.getString("name_sort");
				case "id", "member_id" -> row.getLong("id");
				case "join_date" -> row.getDate("join_date");
				default -> row.getString("card_number");
			};
			key.put("key" + i, value);
		}
		return key;
	}

	/**
	 * Whether {@code [prefix, after(prefix))} holds only strings starting with the prefix: its last
	 * code point is followed by the next one (not past the surrogates, not the last code point).
	 */
	static boolean exactRange(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return last + 1 < Character.MIN_SURROGATE || (last > Character.MAX_SURROGATE && last < Character.MAX_CODE_POINT);
	}

	/** The least string above every string that starts with the prefix, in code point order. */
	static String after(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		String head = prefix.substring(0, prefix.length() - Character.charCount(last));
		int next = last + 1;
		if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
			next = Character.MAX_SURROGATE + 1;
		}
		return next > Character.MAX_CODE_POINT ? prefix + Character.toString(Character.MAX_CODE_POINT)
				: head + Character.toString(next);
	}
}
