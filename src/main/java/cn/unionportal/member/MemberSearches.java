package cn.unionportal.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedPlans;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the registry: the member search of the list (and of other modules' member
 * choosers), scoped to the user's subtree in the query itself, a page at a time. A page reached
 * from the page next to it is read by its key ({@link MemberCursor}: "after this member in this
 * order"), any other by offset; the count stops above {@code portal.members.count-limit} (default {@link MemberManagement#COUNT_LIMIT}).
 */
@Component
@Transactional(readOnly = true)
class MemberSearches {

	private final OrganizationManagement organizations;

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final MemberExactSearches exactSearches;

	private final int countLimit;

	private final CappedCounts cappedCounts;

	private final ScopedPlans plans;

	MemberSearches(OrganizationManagement organizations, PersonalData personalData, JdbcClient jdbc,
			MemberExactSearches exactSearches, CappedCounts cappedCounts, ScopedPlans plans,
			@Value("${portal.members.count-limit:" + MemberManagement.COUNT_LIMIT
					+ "}") int countLimit) {
		this.countLimit = countLimit;
		this.organizations = organizations;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.exactSearches = exactSearches;
		this.cappedCounts = cappedCounts;
		this.plans = plans;
	}

	/** Where the list's count stops ("more than N"). */
	int countLimit() {
		return countLimit;
	}

	/**
	 * Admits and audits an exact search (by ID or mobile number) before it runs: {@link MemberManagement}
	 * calls this, then {@link #search}. Outside the search's read-only transaction (it joins a
	 * caller's, if any): the admission is a transaction of its own ({@link MemberExactSearches#admit}),
	 * and taken inside the search's it needed a second connection while holding the first. Under load
	 * (the load test's 32 users on a pool of 10) every connection was held by a search waiting for its
	 * second: the pool deadlocked until its 30 s timeout and the searches failed with 500.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	void admitExact(CurrentUser user, MemberQuery query) {
		// whether the text is exact does not depend on the scope: only an exact search reads it
		MemberSearchSql.Exact exact = MemberSearchSql.of(0L, query, personalData, false).exact();
		if (exact != null) {
			exactSearches.admit(user, exact, organizations.scopeOf(user).narrowTo(query.organizationId()));
		}
	}

	/**
	 * A page of the search (an exact one admitted by {@link #admitExact} first); with a cursor of a
	 * neighbouring page (the page links' {@code at}) it is read after (or before) that page's last
	 * (first) member, else by offset. A cursor whose member is outside the user's scope, or gone, is
	 * ignored.
	 */
	Page<MemberSummary> search(CurrentUser user, MemberQuery query, Pageable pageable, MemberCursor cursor) {
		// the same search is an index range in a union and a different plan at the federation
		plans.forThisTransaction();
		Scope userScope = organizations.scopeOf(user);
		long scope = userScope.narrowTo(query.organizationId());
		MemberSearchSql sql = MemberSearchSql.of(scope, query, personalData, false);
		String where = sql.where();
		Map<String, Object> params = new HashMap<>(sql.params());
		String countSql = "SELECT COUNT(*) FROM (SELECT 1" + where + " LIMIT " + (countLimit + 1) + ") capped";
		long total = cappedCounts.count(countSql, params, countLimit,
				() -> jdbc.sql(countSql).params(params).query(Long.class).single());
		where = where + sql.pageCondition();
		String order = sql.orderBy();
		long offset = pageable.getOffset();
		OptionalLong skip = cursor == null ? OptionalLong.empty()
				: cursor.rowsToSkip(pageable.getPageNumber(), pageable.getPageSize());
		Optional<Map<String, Object>> anchor = skip.isPresent() ? anchorKey(sql, scope, cursor.memberId())
				: Optional.empty();
		if (anchor.isPresent()) {
			MemberSearchSql.Keyset keyset = sql.keyset(cursor.after());
			where = where + keyset.condition();
			order = keyset.order();
			params.putAll(anchor.get());
			offset = skip.getAsLong();
		}
		// the page's ids first (read from an index alone, even for a deep page), then those rows
		List<MemberRow> rows = jdbc
			.sql("SELECT m.id, m.name, m.gender, m.id_number_masked, m.phone_masked, m.card_number, m.employment_type,"
					+ " m.organization_id, m.join_date, m.status FROM member m WHERE m.id IN (SELECT " + sql.idColumn()
					+ where + order + " LIMIT :limit OFFSET :offset)" + sql.memberOrder())
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", offset)
			.query((rs, i) -> new MemberRow(rs.getLong("id"), rs.getString("name"),
					Gender.valueOf(rs.getString("gender")), rs.getString("id_number_masked"),
					rs.getString("phone_masked"), rs.getString("card_number"),
					EmploymentType.valueOf(rs.getString("employment_type")), rs.getLong("organization_id"),
					rs.getDate("join_date").toLocalDate(), MemberStatus.valueOf(rs.getString("status"))))
			.list();
		Map<Long, String> names = userScope.names(rows.stream().map(MemberRow::organizationId).toList());
		List<MemberSummary> content = rows.stream()
			.map(r -> new MemberSummary(r.id(), r.name(), r.gender(), r.idNumberMasked(), r.phoneMasked(),
					r.cardNumber(), r.employmentType(), r.organizationId(), names.get(r.organizationId()), r.joinDate(),
					r.status()))
			.toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	/** The key of the cursor's member in the search's order, if the member is in the scope. */
	private Optional<Map<String, Object>> anchorKey(MemberSearchSql sql, long scope, long memberId) {
		return jdbc.sql("SELECT " + MemberSearchSql.ANCHOR_COLUMNS + " FROM member m WHERE m.id = :anchor"
				+ " AND m.organization_id" + Scope.SUBTREE)
			.param("anchor", memberId)
			.param(Scope.PARAMETER, scope)
			.query((rs, i) -> sql.anchorKey(rs))
			.optional();
	}

	private record MemberRow(long id, String name, Gender gender, String idNumberMasked, String phoneMasked,
			String cardNumber, EmploymentType employmentType, long organizationId, LocalDate joinDate,
			MemberStatus status) {
	}
}
